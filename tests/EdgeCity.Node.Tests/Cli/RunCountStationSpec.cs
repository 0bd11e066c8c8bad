using System.Text.RegularExpressions;
using EdgeCity.Testing;

namespace EdgeCity.Node.Tests.Cli;

/// <summary>
/// <c>run --site</c> on a count station (cameras, no intersections) whose cameras are the real clips beside the site
/// file: the real-camera default detector runs and the vehicles are counted into the metrics.
/// </summary>
public sealed class RunCountStationSpec
{
    private static string Models => Path.Combine(RepositoryRoot.FullName, "models");

    private static NodeProcess StartStation(string models) => NodeProcess.Start(
        new Dictionary<string, string> { ["EdgeCity__Http__Urls"] = "http://127.0.0.1:0", ["EdgeCity__Cameras__ModelsDirectory"] = models },
        "run", "--site", Path.Combine(Models, "testdata", "real", "site.json"));

    [Fact]
    public async Task A_count_station_on_real_clips_counts_the_overpass_cars_with_the_real_camera_default()
    {
        using var node = StartStation(Models);
        using var http = await NodeHttp.ClientAsync(node);

        // The 11 s clip loops; its main line has 11 cars per pass. Wait for the first few.
        var metrics = await NodeHttp.UntilAsync(
            http,
            "/metrics",
            m => NodeHttp.Sum(m, @"edgecity_vehicles_counted_total\{camera=""motorway-overpass"",line=""main"",direction=""backward"",class=""car""\}") >= 3,
            node,
            "nothing counted",
            seconds: 90);

        Assert.Contains("model nanodet-m-416 ready", node.Output);

        // Only conventionally named metrics leave the box: EdgeCity's, HTTP's and the process's; counters end in
        // _total and nothing else does (no msquic internals, no unit-less runtime meters).
        var families = Regex.Matches(metrics, @"^# TYPE (\S+) (\S+)$", RegexOptions.Multiline).Select(m => (Name: m.Groups[1].Value, Type: m.Groups[2].Value)).ToList();
        Assert.NotEmpty(families);
        Assert.All(families, f => Assert.Matches("^(edgecity|process|dotnet|http)_", f.Name));
        Assert.All(families, f => Assert.Equal(f.Type == "counter", f.Name.EndsWith("_total", StringComparison.Ordinal)));
        Assert.Contains("site 'real-clips' is valid (0 intersections, 2 cameras, times in UTC)", node.Output);
    }

    [Fact]
    public async Task A_model_refused_at_start_up_shows_its_cameras_down_with_the_reason_in_the_api()
    {
        // The model goes down before the operator view subscribes: the view asks the cameras again and learns why.
        var models = Directory.CreateTempSubdirectory("edgecity-broken-model-").FullName;
        try
        {
            File.Copy(Path.Combine(Models, "nanodet-m-416.json"), Path.Combine(models, "nanodet-m-416.json"));
            await File.WriteAllTextAsync(Path.Combine(models, "nanodet_m_416.onnx"), "not the model");
            using var node = StartStation(models);
            using var http = await NodeHttp.ClientAsync(node);

            var body = await NodeHttp.UntilAsync(
                http,
                "/api/cameras",
                b => b.Length > 0 && System.Text.Json.JsonDocument.Parse(b).RootElement.EnumerateArray().All(c => c.GetProperty("status").GetString() == "down"),
                node,
                "the cameras were not shown down",
                seconds: 30);
            var cameras = System.Text.Json.JsonDocument.Parse(body).RootElement;
            Assert.Equal(2, cameras.GetArrayLength());

            Assert.All(cameras.EnumerateArray(), c =>
            {
                Assert.Equal("down", c.GetProperty("status").GetString());
                Assert.Contains("model 'nanodet-m-416' unavailable", c.GetProperty("reason").GetString());
            });
        }
        finally
        {
            Directory.Delete(models, recursive: true);
        }
    }
}
