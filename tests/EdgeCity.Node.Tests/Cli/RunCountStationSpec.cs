using System.Text.RegularExpressions;
using EdgeCity.Testing;

namespace EdgeCity.Node.Tests.Cli;

/// <summary>
/// <c>run --site</c> on a count station (cameras, no intersections) whose cameras are the real clips beside the site
/// file: the real-camera default detector runs and the vehicles are counted into the metrics.
/// </summary>
public sealed class RunCountStationSpec
{
    [Fact]
    public async Task A_count_station_on_real_clips_counts_the_overpass_cars_with_the_real_camera_default()
    {
        var site = Path.Combine(RepositoryRoot.FullName, "models", "testdata", "real", "site.json");
        using var node = NodeProcess.Start(
            new Dictionary<string, string>
            {
                ["EdgeCity__Http__Urls"] = "http://127.0.0.1:0",
                ["EdgeCity__Cameras__ModelsDirectory"] = Path.Combine(RepositoryRoot.FullName, "models"),
            },
            "run", "--site", site);
        var listening = await node.WaitForOutputAsync("Now listening on: ", TimeSpan.FromSeconds(60));
        using var http = new HttpClient { BaseAddress = new Uri(listening["Now listening on: ".Length..].Trim()) };

        // The 11 s clip loops; its main line has 11 cars per pass. Wait for the first few.
        var counted = 0.0;
        var metrics = string.Empty;
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (counted < 3)
        {
            Assert.True(DateTime.UtcNow < deadline, "nothing counted within 90 s:\n" + metrics + "\n" + node.Output);
            await Task.Delay(1000);
            metrics = await http.GetStringAsync("/metrics");
            counted = Regex.Matches(metrics, @"^edgecity_vehicles_counted_total\{camera=""motorway-overpass"",line=""main"",direction=""backward"",class=""car""\} (\d+)", RegexOptions.Multiline)
                .Sum(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Contains("model nanodet-m-416 ready", node.Output);

        // Only conventionally named metrics leave the box: EdgeCity's, HTTP's and the process's; counters end in
        // _total and nothing else does (no msquic internals, no unit-less runtime meters).
        var families = Regex.Matches(metrics, @"^# TYPE (\S+) (\S+)$", RegexOptions.Multiline).Select(m => (Name: m.Groups[1].Value, Type: m.Groups[2].Value)).ToList();
        Assert.NotEmpty(families);
        Assert.All(families, f => Assert.Matches("^(edgecity|process|dotnet|http)_", f.Name));
        Assert.All(families, f => Assert.Equal(f.Type == "counter", f.Name.EndsWith("_total", StringComparison.Ordinal)));
        Assert.Contains("site 'real-clips' is valid (0 intersections, 2 cameras)", node.Output);
    }

    [Fact]
    public async Task A_model_refused_at_start_up_shows_its_cameras_down_with_the_reason_in_the_api()
    {
        // The model goes down before the operator view subscribes: the view asks the cameras again and learns why.
        var models = Directory.CreateTempSubdirectory("edgecity-broken-model-").FullName;
        try
        {
            File.Copy(Path.Combine(RepositoryRoot.FullName, "models", "nanodet-m-416.json"), Path.Combine(models, "nanodet-m-416.json"));
            await File.WriteAllTextAsync(Path.Combine(models, "nanodet_m_416.onnx"), "not the model");
            using var node = NodeProcess.Start(
                new Dictionary<string, string> { ["EdgeCity__Http__Urls"] = "http://127.0.0.1:0", ["EdgeCity__Cameras__ModelsDirectory"] = models },
                "run", "--site", Path.Combine(RepositoryRoot.FullName, "models", "testdata", "real", "site.json"));
            var listening = await node.WaitForOutputAsync("Now listening on: ", TimeSpan.FromSeconds(60));
            using var http = new HttpClient { BaseAddress = new Uri(listening["Now listening on: ".Length..].Trim()) };

            var deadline = DateTime.UtcNow.AddSeconds(30);
            System.Text.Json.JsonElement cameras;
            do
            {
                await Task.Delay(500);
                cameras = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/api/cameras")).RootElement;
            }
            while (cameras.EnumerateArray().Any(c => c.GetProperty("status").GetString() != "down") && DateTime.UtcNow < deadline);

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
