using System.Globalization;
using System.Text.Json;
using EdgeCity.Testing;
using OpenCvSharp;

namespace EdgeCity.Node.Tests.Cli;

/// <summary>
/// <c>edgecity count</c> on real footage without ground truth (models/testdata/real): a count log, interval counts and an
/// annotated video, with the directions as the site names them, against the counts a person made of the same clip.
/// </summary>
public sealed class CountFootageSpec : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"edgecity-count-{Guid.NewGuid():N}");

    public CountFootageSpec() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Real => Path.Combine(RepositoryRoot.FullName, "models", "testdata", "real");

    [Fact]
    public async Task The_overpass_clip_gives_a_count_log_interval_counts_and_an_annotated_video_that_agree_with_the_hand_count()
    {
        var (code, output) = await NodeProcess.RunAsync(
            "count", "--site", Path.Combine(Real, "site.json"), "--camera", "motorway-overpass", "--models", Path.Combine(RepositoryRoot.FullName, "models"),
            "--providers", "cpu", "--out", _folder, "--annotate", "--start", "2026-12-05T08:14:50+00:00");

        Assert.True(code == 0, output);
        // The count log: a line per vehicle, timed on the footage's own clock from --start, named as the site names the directions.
        var log = (await File.ReadAllLinesAsync(Path.Combine(_folder, "motorway-overpass.counts.jsonl"))).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var byDirection = log.GroupBy(e => (e.GetProperty("line").GetString(), e.GetProperty("towards").GetString())).ToDictionary(g => g.Key, g => g.Count());
        // A person counted 11 cars towards the camera on the main carriageway and 4 rightwards on the side road.
        Assert.InRange(byDirection.GetValueOrDefault(("main", "towards the camera")), 10, 12);
        Assert.InRange(byDirection.GetValueOrDefault(("side", "rightwards")), 3, 5);
        Assert.Equal(0, byDirection.GetValueOrDefault(("main", "away from the camera")));
        Assert.All(log, e =>
        {
            var seconds = e.GetProperty("seconds").GetDouble();
            Assert.InRange(seconds, 0, 11.2);
            Assert.Equal(new DateTimeOffset(2026, 12, 5, 8, 14, 50, TimeSpan.Zero).AddSeconds(seconds), e.GetProperty("time").GetDateTimeOffset(), TimeSpan.FromMilliseconds(2));
            Assert.Equal(4, e.GetProperty("box").GetArrayLength());
            Assert.Equal("car", e.GetProperty("class").GetString());
        });
        Assert.Equal(log.Count, log.Select(e => e.GetProperty("track").GetInt64()).Distinct().Count()); // no track counted twice

        // Interval counts: the clip straddles 08:15, so two 15-minute intervals, each partly observed, summing to the log.
        var csv = await File.ReadAllLinesAsync(Path.Combine(_folder, "motorway-overpass.intervals.csv"));
        Assert.Equal("interval_start,interval_end,line,direction,minutes_observed,car,bus,truck,motorcycle,bicycle,total", csv[0]);
        var rows = csv.Skip(1).Select(r => r.Split(',')).ToList();
        Assert.Equal(8, rows.Count); // 2 intervals x 2 lines x 2 directions, zeros included
        Assert.Equal(["2026-12-05T08:00:00+00:00", "2026-12-05T08:15:00+00:00"], rows.Select(r => r[0]).Distinct());
        Assert.Equal(log.Count, rows.Sum(r => int.Parse(r[^1], CultureInfo.InvariantCulture)));
        Assert.Equal(log.Count(e => e.GetProperty("seconds").GetDouble() < 10), rows.Where(r => r[0].EndsWith("08:00:00+00:00", StringComparison.Ordinal)).Sum(r => int.Parse(r[^1], CultureInfo.InvariantCulture)));

        // The annotated video has every frame of the clip.
        using var annotated = new VideoCapture(Path.Combine(_folder, "motorway-overpass.annotated.avi"));
        Assert.True(annotated.IsOpened());
        Assert.Equal(335, annotated.FrameCount);
        Assert.Contains("towards the camera (out)", output);
    }

    [Fact]
    public async Task A_live_stream_is_counted_on_arrival_and_its_annotated_video_plays_at_the_measured_rate()
    {
        // The demo site's twin serves camera J1-W_J1 as MJPEG at 10 frames/s, an hour's demand already running.
        var site = Path.Combine(RepositoryRoot.FullName, "deploy", "sites", "demo", "site.json");
        using var twin = NodeProcess.Start("twin", "serve", "--site", site, "--port", "0", "--camera", "J1-W_J1", "--warmup", "900", "--seconds", "120");
        var line = await twin.WaitForOutputAsync("camera J1-W_J1: http://", TimeSpan.FromSeconds(90));
        var url = line["camera J1-W_J1: ".Length..].Trim();

        var (code, output) = await NodeProcess.RunAsync(
            TimeSpan.FromSeconds(90),
            "count", "--site", site, "--camera", "J1-W_J1", "--video", url, "--seconds", "20", "--models", Path.Combine(RepositoryRoot.FullName, "models"),
            "--providers", "cpu", "--out", _folder, "--annotate");

        Assert.True(code == 0, output);
        Assert.Contains("a live stream: now", output);
        var log = (await File.ReadAllLinesAsync(Path.Combine(_folder, "J1-W_J1.counts.jsonl"))).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.NotEmpty(log); // inbound traffic crosses W_J1-in within 20 s
        Assert.All(log, e => Assert.Equal("in", e.GetProperty("direction").GetString()));
        var rows = (await File.ReadAllLinesAsync(Path.Combine(_folder, "J1-W_J1.intervals.csv"))).Skip(1).Select(r => r.Split(',')).ToList();
        Assert.Equal(log.Count, rows.Sum(r => int.Parse(r[^1], CultureInfo.InvariantCulture)));
        using var annotated = new VideoCapture(Path.Combine(_folder, "J1-W_J1.annotated.avi"));
        Assert.InRange(annotated.Fps, 5, 15); // measured from arrival (10 frames/s served), not the decoder's default 25
        Assert.InRange(annotated.FrameCount, 100, 300);
    }

    [Fact]
    public async Task A_site_camera_without_count_lines_is_refused_naming_it()
    {
        var site = Path.Combine(_folder, "site.json");
        await File.WriteAllTextAsync(site, """{ "name": "x", "cameras": [ { "id": "cam", "source": "clip.mp4", "approach": "a" } ] }""");

        var (code, output) = await NodeProcess.RunAsync("count", "--site", site, "--models", Path.Combine(RepositoryRoot.FullName, "models"), "--providers", "cpu");

        Assert.Equal(2, code);
        Assert.Contains("camera 'cam' has no count lines", output);
    }
    [Fact]
    public async Task A_model_that_sees_the_road_as_other_things_is_named_with_what_it_saw_instead()
    {
        // NanoDet-m 320 with its COCO "car" given no traffic meaning: on the overpass it sees cars it may not report,
        // as a COCO model looking straight down sees "cell phones"; the count says why it counted nothing.
        var models = Directory.CreateDirectory(Path.Combine(_folder, "models")).FullName;
        File.Copy(Path.Combine(RepositoryRoot.FullName, "models", "nanodet_m_320.onnx"), Path.Combine(models, "nanodet_m_320.onnx"));
        var manifest = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.FullName, "models", "nanodet-m-320.json")))!.AsObject();
        manifest["trafficClasses"]!.AsObject().Remove("car");
        manifest["vehicleClasses"] = new System.Text.Json.Nodes.JsonArray("bus", "truck", "motorcycle", "bicycle");
        await File.WriteAllTextAsync(Path.Combine(models, "cars-unmapped.json"), manifest.ToJsonString());

        var (code, output) = await NodeProcess.RunAsync(
            "count", "--site", Path.Combine(Real, "site.json"), "--camera", "motorway-overpass", "--models", models, "--model", "cars-unmapped",
            "--providers", "cpu", "--out", _folder, "--start", "2026-12-05T08:14:50+00:00");

        Assert.True(code == 0, output);
        Assert.Contains("count: warning: cars-unmapped saw mostly things that are not traffic to it", output, StringComparison.Ordinal);
        Assert.Matches(@"traffic classes; car \d+%", output);
        Assert.Contains("needs a model trained for its view", output, StringComparison.Ordinal);
    }
}
