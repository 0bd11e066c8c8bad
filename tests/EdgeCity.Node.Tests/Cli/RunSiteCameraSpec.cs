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

    private const string Token = "run-site-spec-token-0123456789abcdef";

    private static string Root => RepositoryRoot.FullName;

    private static JsonObject DemoCamera()
    {
        var demo = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "deploy", "sites", "demo", "site.json")), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!;
        var camera = demo["cameras"]!.AsArray().Single(c => (string?)c!["id"] == "J1-W_J1")!.DeepClone().AsObject();
        camera.Remove("pose");
        camera["source"] = Path.Combine(Root, "tests", "fixtures", "recordings", "J1-W_J1.mp4");
        return camera;
    }

    private static NodeProcess StartNode(string site) => NodeProcess.Start(
        new Dictionary<string, string>
        {
            ["EdgeCity__Http__Urls"] = "http://127.0.0.1:0",
            ["EdgeCity__Cameras__ModelsDirectory"] = Path.Combine(Root, "models"),
            ["EdgeCity__Api__Token"] = Token,
        },
        "run", "--site", site);

    /// <summary>An HTTP client on the node's address once it listens, sending the API token.</summary>
    private static async Task<HttpClient> OperatorClientAsync(NodeProcess node)
    {
        var listening = await node.WaitForOutputAsync("Now listening on: ", TimeSpan.FromSeconds(60));
        var http = new HttpClient { BaseAddress = new Uri(listening["Now listening on: ".Length..].Trim()) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);
        return http;
    }

    private static async Task<double> CountedAsync(HttpClient http, string camera) => CountedIn(await http.GetStringAsync("/metrics"), camera);

    private static double CountedIn(string metrics, string camera) =>
        NodeHttp.Sum(metrics, $@"edgecity_vehicles_counted_total\{{camera=""{camera}"",line=""W_J1-in"",direction=""forward"",class=""\w+""\}}") is var n && double.IsNaN(n) ? 0 : n;

    private static async Task<double> CapturedAsync(HttpClient http, string camera) =>
        Regex.Match(await http.GetStringAsync("/metrics"), $@"^edgecity_camera_frames_captured_total\{{camera=""{camera}""\}} (\d+)", RegexOptions.Multiline) is { Success: true } m
            ? double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            : 0;

    /// <summary>The demo site's J1 without its twin, with camera J1-W_J1 (its lines, zones, calibration) on the clip.</summary>
    private string FieldSite(bool withCamera = true)
    {
        var demo = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "deploy", "sites", "demo", "site.json")), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!;
        var j1 = demo["intersections"]!.AsArray().Single(i => (string?)i!["id"] == "J1")!;
        var approaches = new JsonArray(j1["approaches"]!.AsArray().Select(a => (JsonNode)new JsonObject { ["id"] = (string?)a!["id"], ["lanes"] = (int)a["lanes"]! }).ToArray());
        var site = new JsonObject
        {
            ["name"] = "field-j1",
            ["intersections"] = new JsonArray(new JsonObject { ["id"] = "J1", ["controller"] = "schedule", ["approaches"] = approaches }),
            ["cameras"] = withCamera ? new JsonArray(DemoCamera()) : new JsonArray(),
        };
        var path = Path.Combine(_folder, "site.json");
        File.WriteAllText(path, site.ToJsonString());
        return path;
    }

    [Fact]
    public async Task A_site_camera_on_a_clip_is_analysed_counted_and_feeds_its_intersections_coordinator()
    {
        using var node = StartNode(FieldSite());
        using var http = await OperatorClientAsync(node);

        // The clip plays at its own pace: wait until the analytics have counted vehicles over the line.
        var metrics = await NodeHttp.UntilAsync(http, "/metrics", m => CountedIn(m, "J1-W_J1") >= 3, node, "nothing counted", seconds: 90);

        Assert.Matches(@"edgecity_analytics_frames_total\{camera=""J1-W_J1""\} [1-9]", metrics);

        // The coordinator has the camera's approach fresh; approaches without a camera stay on recall.
        using var doc = JsonDocument.Parse(await http.GetStringAsync("/api/intersections"));
        var j1 = doc.RootElement.EnumerateArray().Single(i => i.GetProperty("id").GetString() == "J1");
        var west = j1.GetProperty("approaches").EnumerateArray().Single(a => a.GetProperty("id").GetString() == "W_J1");
        Assert.Equal(JsonValueKind.Object, west.GetProperty("latest").ValueKind);
        Assert.DoesNotContain("W_J1", j1.GetProperty("staleMovements").EnumerateArray().Select(m => m.GetString()));
        await node.WaitForOutputAsync("Camera J1-W_J1 up", TimeSpan.FromSeconds(20));
        Assert.DoesNotContain("up again", node.Output);
    }

    [Fact]
    public async Task A_camera_added_through_the_api_runs_its_whole_path_and_removing_it_stops_its_decoder()
    {
        using var node = StartNode(FieldSite(withCamera: false));
        using var http = await OperatorClientAsync(node);
        var camera = DemoCamera();
        camera["id"] = "added-w";
        camera["countLines"]![0]!["id"] = "W_J1-in";

        var created = await http.PostAsync("/api/cameras", new StringContent(camera.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

        Assert.True(created.StatusCode == System.Net.HttpStatusCode.Created, await created.Content.ReadAsStringAsync() + node.Output);
        using (var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync()))
        {
            Assert.True(body.RootElement.GetProperty("started").GetBoolean());
            Assert.True(body.RootElement.GetProperty("analytics").GetBoolean());
        }

        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (await CountedAsync(http, "added-w") < 3)
        {
            Assert.True(DateTime.UtcNow < deadline, "the added camera counted nothing within 90 s:\n" + node.Output);
            await Task.Delay(1000);
        }

        var deleted = await http.DeleteAsync("/api/cameras/added-w");
        Assert.Equal(System.Net.HttpStatusCode.NoContent, deleted.StatusCode);

        // Its decoder stops: the captured-frame count stands still.
        await Task.Delay(2000);
        var stopped = await CapturedAsync(http, "added-w");
        await Task.Delay(3000);
        Assert.Equal(stopped, await CapturedAsync(http, "added-w"));

        // Both changes are in the node's log, with who made them.
        Assert.Contains("Camera added-w added through the API by operator: J1/W_J1, model edgecity-vehicles; started and measured", node.Output);
        Assert.Contains("Camera added-w removed through the API by operator: J1/W_J1 is no longer measured by it", node.Output);
    }

    [Fact]
    public async Task A_camera_whose_calibration_solves_nothing_is_refused_naming_the_field()
    {
        using var node = StartNode(FieldSite(withCamera: false));
        using var http = await OperatorClientAsync(node);
        var camera = DemoCamera();
        camera["id"] = "bad-calibration";
        camera["calibration"] = new JsonObject { ["homography"] = new JsonArray(1, 0, 0) };

        var answer = await http.PostAsync("/api/cameras", new StringContent(camera.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("calibration", await answer.Content.ReadAsStringAsync());
    }
}
