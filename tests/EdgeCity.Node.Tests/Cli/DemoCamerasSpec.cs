using System.Globalization;

namespace EdgeCity.Node.Tests.Cli;

/// <summary>The demo on its default camera path: the twin's MJPEG decoded, the shipped model, analytics, coordinators.</summary>
public sealed class DemoCamerasSpec : IDisposable
{
    private readonly string _audit = Directory.CreateTempSubdirectory("edgecity-demo-cameras-audit-").FullName;

    public void Dispose() => Directory.Delete(_audit, recursive: true);

    [Fact]
    public async Task Demo_on_cameras_infers_twin_frames_counts_vehicles_and_feeds_every_coordinator_camera_observations()
    {
        using var node = NodeProcess.Start(new Dictionary<string, string> { ["EdgeCity__Signals__AuditDirectory"] = _audit }, "demo", "--port", "0");
        var listening = await node.WaitForOutputAsync("Now listening on: ", TimeSpan.FromSeconds(60));
        using var http = new HttpClient { BaseAddress = new Uri(listening["Now listening on: ".Length..].Trim()) };

        // Vehicles reach the first count lines within a minute of simulated time (which runs at real time).
        Dictionary<string, double> metrics = [];
        var deadline = DateTime.UtcNow.AddSeconds(110);
        while (!(Sum(metrics, "edgecity_vehicles_counted_total") > 0 && Sum(metrics, "edgecity_camera_observations_total{intersection=\"J3\"") > 0))
        {
            Assert.True(DateTime.UtcNow < deadline, "the camera path did not count a vehicle:\n" + node.Output);
            await Task.Delay(1000);
            metrics = Parse(await http.GetStringAsync("/metrics"));
        }

        Assert.Contains("12 approaches measured by cameras (12 cameras at 2 fps through edgecity-vehicles), none by detectors", node.Output);
        foreach (var camera in new[] { "J1-N1_J1", "J2-J3_J2", "J3-E_J3" })
        {
            Assert.True(Sum(metrics, $"edgecity_camera_frames_inferred_total{{camera=\"{camera}\"}}") > 0, camera);
        }

        foreach (var id in new[] { "J1", "J2", "J3" })
        {
            Assert.True(Sum(metrics, $"edgecity_camera_observations_total{{intersection=\"{id}\"") > 0, id);

            // Every approach of the demo site has a camera and no detector feeds them: a coordinator with no stale
            // movement has camera observations, on the simulation clock, for every movement.
            Assert.Equal(0, Sum(metrics, $"edgecity_signal_stale_movements{{intersection=\"{id}\"}}"));
        }

        var page = await http.GetStringAsync("/about");
        Assert.Contains("<table id=\"cameras\">", page);
        Assert.Contains("<td>J1-W_J1</td><td>J1 / W_J1</td><td>up</td>", page);

        node.Signal(2);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await node.Process.WaitForExitAsync(cts.Token);
        Assert.Equal(0, node.Process.ExitCode);
    }

    [Fact]
    public async Task Demo_whose_model_fails_to_load_says_so_in_one_line_and_measures_with_detectors()
    {
        // A manifest beside an ONNX file that is not the model it names: the checksum check refuses it.
        var models = Directory.CreateDirectory(Path.Combine(_audit, "models")).FullName;
        File.Copy(Path.Combine(ModelsFolder(), "edgecity-vehicles.json"), Path.Combine(models, "edgecity-vehicles.json"));
        await File.WriteAllTextAsync(Path.Combine(models, "edgecity-vehicles.onnx"), "not an onnx model");
        using var node = NodeProcess.Start(
            new Dictionary<string, string> { ["EdgeCity__Signals__AuditDirectory"] = _audit, ["EdgeCity__Cameras__ModelsDirectory"] = models }, "demo", "--port", "0");

        var line = await node.WaitForOutputAsync("Demo loop: camera path off", TimeSpan.FromSeconds(60));
        await node.WaitForOutputAsync("measurements from SUMO detectors (camera model failed to load", TimeSpan.FromSeconds(30));

        Assert.Contains("edgecity-vehicles", line);
        Assert.Contains("measuring with SUMO detectors", line);
        Assert.DoesNotContain("camera J1-N1_J1: stream up", node.Output);

        // The operator view says why the cameras do not run, not "unknown".
        using var http = await NodeHttp.ClientAsync(node);
        var body = await NodeHttp.UntilAsync(
            http,
            "/api/cameras",
            b => b.Length > 0 && System.Text.Json.JsonDocument.Parse(b).RootElement.EnumerateArray().All(c => c.GetProperty("status").GetString() != "unknown"),
            node,
            "cameras still unknown",
            seconds: 20);
        var cameras = System.Text.Json.JsonDocument.Parse(body).RootElement;
        Assert.Equal(12, cameras.GetArrayLength());
        Assert.All(cameras.EnumerateArray(), c =>
        {
            Assert.Equal("down", c.GetProperty("status").GetString());
            Assert.StartsWith("camera path off: the model failed to load", c.GetProperty("reason").GetString());
        });
        node.Signal(2);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await node.Process.WaitForExitAsync(cts.Token);
        Assert.Equal(0, node.Process.ExitCode);
    }

    private static string ModelsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "models", "edgecity-vehicles.onnx")))
            {
                return Path.Combine(dir.FullName, "models");
            }
        }

        throw new FileNotFoundException("models/edgecity-vehicles.onnx not found above " + AppContext.BaseDirectory);
    }

    private static double Sum(Dictionary<string, double> metrics, string prefix) =>
        metrics.Where(m => m.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(m => m.Value);

    private static Dictionary<string, double> Parse(string text) =>
        text.Split('\n')
            .Where(l => l.StartsWith("edgecity_", StringComparison.Ordinal))
            .Select(l => (Key: l[..l.LastIndexOf(' ')], Value: l[(l.LastIndexOf(' ') + 1)..]))
            .ToDictionary(x => x.Key, x => double.Parse(x.Value, CultureInfo.InvariantCulture));
}
