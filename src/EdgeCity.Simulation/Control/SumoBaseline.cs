using System.Diagnostics;
using EdgeCity.Simulation.Network;
using EdgeCity.Simulation.Sumo;

namespace EdgeCity.Simulation.Control;

/// <summary>SUMO controlling its own signals: the network's fixed-time programs, or SUMO's actuated control on the same phases.</summary>
public static class SumoBaseline
{
    public const string Fixed = "sumo-fixed";
    public const string Actuated = "sumo-actuated";

    public static async Task<SimRunResult> RunAsync(SimScenario scenario, SumoNetwork network, bool actuated, int seed, string workFolder, CancellationToken cancellationToken)
    {
        var name = actuated ? Actuated : Fixed;
        var tripinfo = Path.Combine(workFolder, $"{name}-{seed}.tripinfo.xml");
        var extra = new List<string>();
        if (actuated)
        {
            var add = Path.Combine(workFolder, "actuated.add.xml");
            ActuatedPrograms.Write(network, add);
            extra.Add(add);
        }

        var install = SumoInstallation.Require();
        var info = new ProcessStartInfo(install.SumoBinary)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            WorkingDirectory = workFolder,
        };
        info.Environment["SUMO_HOME"] = install.SumoHome;
        foreach (var arg in scenario.Arguments(seed, tripinfo, extra))
        {
            info.ArgumentList.Add(arg);
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {info.FileName}");
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"SUMO ({name}, seed {seed}) failed with code {process.ExitCode}: {(await stderr).Trim()} {(await stdout).Trim()}");
        }

        return new SimRunResult(name, seed, TripStatistics.Read(tripinfo), watch.Elapsed.TotalSeconds, network.TrafficLights.Count, 0, 0, [])
        {
            EdgeData = scenario.DetailedOutputs ? SimScenario.EdgeDataPath(tripinfo) : null,
        };
    }
}
