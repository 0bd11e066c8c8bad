using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EdgeCity.Testing;

namespace EdgeCity.Node.Tests.Cli;

/// <summary>
/// <c>run --site</c>, the mode a city runs: a site whose camera is a recorded clip (the committed J1-W_J1 recording,
/// played as a file source) measures through the whole path: decode, inference, analytics, into the coordinator.
/// </summary>
public sealed class RunSiteCameraSpec : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("edgecity-run-site-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The demo site's J1 without its twin, with camera J1-W_J1 (its lines, zones, calibration) on the clip.</summary>
    private string FieldSite()
    {
        var root = RepositoryRoot.FullName;
        var demo = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "deploy", "sites", "demo", "site.json")), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!;
        var j1 = demo["intersections"]!.AsArray().Single(i => (string?)i!["id"] == "J1")!;
        var approaches = new JsonArray(j1["approaches"]!.AsArray().Select(a => (JsonNode)new JsonObject { ["id"] = (string?)a!["id"], ["lanes"] = (int)a["lanes"]! }).ToArray());
        var camera = demo["cameras"]!.AsArray().Single(c => (string?)c!["id"] == "J1-W_J1")!.DeepClone().AsObject();
        camera.Remove("pose");
        camera["source"] = Path.Combine(root, "tests", "fixtures", "recordings", "J1-W_J1.mp4");
        var site = new JsonObject
        {
            ["name"] = "field-j1",
            ["intersections"] = new JsonArray(new JsonObject { ["id"] = "J1", ["controller"] = "schedule", ["approaches"] = approaches }),
            ["cameras"] = new JsonArray(camera),
        };
        var path = Path.Combine(_folder, "site.json");
        File.WriteAllText(path, site.ToJsonString());
        return path;
    }

    [Fact]
    public async Task A_site_camera_on_a_clip_is_analysed_counted_and_feeds_its_intersections_coordinator()
    {
        var site = FieldSite();
        using var node = NodeProcess.Start(
            new Dictionary<string, string> { ["EdgeCity__Http__Urls"] = "http://127.0.0.1:0", ["EdgeCity__Cameras__ModelsDirectory"] = Path.Combine(RepositoryRoot.FullName, "models") },
            "run", "--site", site);
        var listening = await node.WaitForOutputAsync("Now listening on: ", TimeSpan.FromSeconds(60));
        using var http = new HttpClient { BaseAddress = new Uri(listening["Now listening on: ".Length..].Trim()) };

        // The clip plays at its own pace: wait until the analytics have counted vehicles over the line.
        var counted = 0.0;
        var metrics = string.Empty;
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (counted < 3)
        {
            Assert.True(DateTime.UtcNow < deadline, "nothing counted within 90 s:\n" + metrics + "\n" + node.Output);
            await Task.Delay(1000);
            metrics = await http.GetStringAsync("/metrics");
            counted = Regex.Matches(metrics, @"^edgecity_vehicles_counted_total\{camera=""J1-W_J1"",line=""W_J1-in"",direction=""forward"",class=""\w+""\} (\d+)", RegexOptions.Multiline)
                .Sum(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Matches(@"edgecity_analytics_frames_total\{camera=""J1-W_J1""\} [1-9]", metrics);

        // The coordinator has the camera's approach fresh; approaches without a camera stay on recall.
        using var doc = JsonDocument.Parse(await http.GetStringAsync("/api/intersections"));
        var j1 = doc.RootElement.EnumerateArray().Single(i => i.GetProperty("id").GetString() == "J1");
        var west = j1.GetProperty("approaches").EnumerateArray().Single(a => a.GetProperty("id").GetString() == "W_J1");
        Assert.Equal(JsonValueKind.Object, west.GetProperty("latest").ValueKind);
        Assert.DoesNotContain("W_J1", j1.GetProperty("staleMovements").EnumerateArray().Select(m => m.GetString()));
        Assert.Contains("Camera J1-W_J1 up", node.Output);
        Assert.DoesNotContain("up again", node.Output);
    }
}
