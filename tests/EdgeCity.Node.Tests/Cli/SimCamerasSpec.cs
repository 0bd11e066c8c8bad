using System.Text.Json;

namespace EdgeCity.Node.Tests.Cli;

/// <summary><c>sim --cameras</c>: the closed loop measured through the twin's cameras, the shipped model and the node's analytics.</summary>
public sealed class SimCamerasSpec : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("edgecity-sim-cameras-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Sim_with_cameras_on_the_demo_site_completes_trips_with_camera_observations_reaching_the_controllers()
    {
        var report = Path.Combine(_folder, "report.json");

        var (code, output) = await NodeProcess.RunAsync(
            TimeSpan.FromSeconds(150), "sim", "--site", DemoSite(), "--cameras", "--end", "120", "--seeds", "1", "--baselines", "false", "--report", report);

        Assert.True(code == 0, output);
        Assert.Matches(@"seed 1 cameras: 12 cameras \(J1-N1_J1 \(J1/N1_J1\),.*\), 2856 frames inferred on cpu, \d+ detections, \d+ vehicles counted, [1-9]\d* camera observations used", output);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(report));
        var controllers = json.RootElement.GetProperty("controllers").EnumerateArray().ToDictionary(c => c.GetProperty("controller").GetString()!);
        Assert.Equal(["edgecity-schedule", "edgecity-schedule-cameras"], controllers.Keys.Order());
        var cameras = controllers["edgecity-schedule-cameras"];
        Assert.True(cameras.GetProperty("tripsCompleted").GetDouble() > 0, output);
        Assert.Equal(0, cameras.GetProperty("violations").GetInt64());
        var delay = cameras.GetProperty("meanDelaySeconds").GetDouble();
        Assert.True(delay is > 0 and < 120, $"mean delay {delay}");
    }

    [Fact]
    public async Task Sim_with_cameras_but_no_site_exits_2_and_says_it_needs_a_site_with_cameras()
    {
        var net = "/usr/share/sumo/tools/game/cross/cross.net.xml";

        var (code, output) = await NodeProcess.RunAsync("sim", "--net", net, "--routes", "/usr/share/sumo/tools/game/cross/cross.rou.xml", "--cameras", "--end", "60");

        Assert.Equal(2, code);
        Assert.Contains("--cameras: it needs --site <site.json>", output);
    }

    private static string DemoSite()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var site = Path.Combine(dir.FullName, "deploy", "sites", "demo", "site.json");
            if (File.Exists(site))
            {
                return site;
            }
        }

        throw new FileNotFoundException("deploy/sites/demo/site.json not found above " + AppContext.BaseDirectory);
    }
}
