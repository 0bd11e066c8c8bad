using System.Diagnostics;
using EdgeCity.Simulation.Sumo;

namespace EdgeCity.Simulation.Tests;

/// <summary>
/// SUMO's cross rebuilt by netconvert with sidewalks and signalised crossings, and pedestrians walking over it
/// (west to east and south to north, along the sidewalks and over the crossings), beside its own vehicle demand.
/// </summary>
public sealed class WalkingScenario : IDisposable
{
    private readonly ShippedScenario _cross = new("cross");

    private WalkingScenario()
    {
    }

    public string Net => _cross.File_("walk.net.xml");

    public string Folder => _cross.Folder;

    public static WalkingScenario Create()
    {
        var scenario = new WalkingScenario();
        var info = new ProcessStartInfo("netconvert", ["-s", scenario._cross.File_("cross.net.xml"), "--sidewalks.guess", "true", "--crossings.guess", "true", "-o", scenario.Net])
        { RedirectStandardError = true, RedirectStandardOutput = true };
        info.Environment["SUMO_HOME"] = SumoInstallation.DebianSumoHome;
        using (var p = Process.Start(info)!)
        {
            var error = p.StandardError.ReadToEndAsync();
            p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0)
            {
                throw new InvalidOperationException($"netconvert failed: {error.Result}");
            }
        }

        File.WriteAllText(scenario._cross.File_("walk.rou.xml"), """
            <routes>
                <personFlow id="east" begin="0" end="600" period="4"><walk from="1fi" to="2fo"/></personFlow>
                <personFlow id="north" begin="0" end="600" period="5"><walk from="3fi" to="4fo"/></personFlow>
            </routes>
            """);
        return scenario;
    }

    public Task<SumoProcess> StartAsync(double stepLength = 0.5) => SumoProcess.StartAsync(new SumoLaunchOptions
    {
        NetFile = Net,
        RouteFiles = [_cross.File_("cross.rou.xml"), _cross.File_("walk.rou.xml")],
        StepLength = stepLength,
        End = 600,
        WorkingDirectory = _cross.Folder,
    });

    public void Dispose() => _cross.Dispose();
}
