using System.Diagnostics;
using EdgeCity.Simulation.Sumo;

namespace EdgeCity.Simulation.Tests.Sumo;

public sealed class SumoInstallationSpec
{
    [Fact]
    public void Sumo_is_installed_with_its_home_and_reports_its_version()
    {
        var sumo = SumoInstallation.Require();

        Assert.True(File.Exists(Path.Combine(sumo.SumoHome, "data", "xsd", "net_file.xsd")), "SUMO_HOME lacks data/xsd");
        using var process = Process.Start(new ProcessStartInfo(sumo.SumoBinary, "--version") { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        Assert.Contains("Eclipse SUMO", output);
    }
}
