using System.Text.Json;
using EdgeCity.Testing;

namespace EdgeCity.Node.Tests.Cli;

/// <summary>
/// <c>edgecity eval counts</c> on the committed camera-twin recording (tests/fixtures/recordings): 60 s of J1-W_J1 in
/// the morning peak, a queue discharging at the start and 24 vehicles crossing the count line (5 m upstream of the stop
/// line).
/// </summary>
public sealed class EvalCountsSpec : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"edgecity-eval-{Guid.NewGuid():N}");

    public EvalCountsSpec() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Root => RepositoryRoot.FullName;

    private static string Video => Path.Combine(Root, "tests", "fixtures", "recordings", "J1-W_J1.mp4");

    private static string Truth => Path.Combine(Root, "tests", "fixtures", "recordings", "J1-W_J1.truth.jsonl");

    private static string Site => Path.Combine(Root, "deploy", "sites", "demo", "site.json");

    private async Task<JsonElement> EvalAsync(params string[] extra)
    {
        var json = Path.Combine(_folder, "report.json");
        var (code, output) = await NodeProcess.RunAsync(["eval", "counts", "--video", Video, "--truth", Truth, "--site", Site, "--json", json, .. extra]);
        Assert.True(code == 0, output);
        Assert.Contains("W_J1-in", output);
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        return doc.RootElement.Clone();
    }

    [Fact]
    public async Task Truth_boxes_through_the_analytics_count_the_recordings_vehicles_and_measure_queues_and_speeds()
    {
        var report = await EvalAsync("--detector", "truth");

        var line = Assert.Single(report.GetProperty("lines").EnumerateArray());
        Assert.Equal(("W_J1-in", "forward"), (line.GetProperty("lineId").GetString(), line.GetProperty("direction").GetString()));
        var approach = Assert.Single(report.GetProperty("approaches").EnumerateArray());
        Assert.Equal("W_J1", approach.GetProperty("approach").GetString());
        // The truth: 24 vehicles' fronts cross the line in these 60 s (measured: 24 counted). The analytics miss at most
        // one (a track that never confirms); a double count, a reversed direction or a dead line breaks this.
        Assert.Equal(24, approach.GetProperty("truth").GetInt32());
        Assert.InRange(approach.GetProperty("counted").GetInt32(), 23, 24);
        // Queues: both lanes measured once a second, well within one car length (4.5 m) of SUMO's halting queue on
        // average: 1.46 m measured. Zones that lose the first vehicle waiting short of their edge read 2.6 m here.
        Assert.InRange(approach.GetProperty("queueSamples").GetInt32(), 110, 125);
        Assert.InRange(approach.GetProperty("queueMaeMeters").GetDouble(), 0, 2.0);
        // Speeds from the road-plane tracks and frame times, within 10 % of SUMO's (measured 2.0 % over 1835 samples).
        Assert.True(approach.GetProperty("speedSamples").GetInt32() > 1500);
        Assert.InRange(approach.GetProperty("speedErrorPercent").GetDouble(), 0, 10);
    }

    [Fact]
    public async Task Noisy_truth_boxes_with_dropouts_still_count_each_vehicle_once()
    {
        var report = await EvalAsync("--detector", "truth", "--noise", "2", "--dropout", "0.1", "--seed", "7");

        var approach = Assert.Single(report.GetProperty("approaches").EnumerateArray());
        // A box jumping over the line is no crossing: jitter and dropouts may lose a vehicle, never add one.
        Assert.InRange(approach.GetProperty("counted").GetInt32(), 23, 24);
        Assert.Equal(24, approach.GetProperty("truth").GetInt32());
    }

    /// <summary>
    /// The shipped model on the decoded H.264 frames. Until models/edgecity-vehicles.{json,onnx} is on the branch the
    /// verb must say clearly that the model is missing (exit 2, naming it); once it is, the counts must hold.
    /// </summary>
    [Fact]
    public async Task The_shipped_model_counts_the_recordings_vehicles_or_the_verb_names_the_missing_model()
    {
        var manifest = Path.Combine(Root, "models", "edgecity-vehicles.json");
        if (!File.Exists(manifest))
        {
            var (code, output) = await NodeProcess.RunAsync("eval", "counts", "--video", Video, "--truth", Truth, "--site", Site, "--models", Path.Combine(Root, "models"), "--providers", "cpu");
            Assert.Equal(2, code);
            Assert.Contains("model 'edgecity-vehicles'", output);
            return;
        }

        var saved = Path.Combine(_folder, "detections.jsonl");
        var report = await EvalAsync("--models", Path.Combine(Root, "models"), "--providers", "cpu", "--save-detections", saved);

        var approach = Assert.Single(report.GetProperty("approaches").EnumerateArray());
        Assert.Equal(24, approach.GetProperty("truth").GetInt32());
        // Measured with the model of 25 Nov and the count line 5 m from the stop line: 23 of 24, queue MAE 1.69 m,
        // speed error 7.0 % (413 samples whose anchor was in view).
        Assert.InRange(approach.GetProperty("counted").GetInt32(), 22, 24);
        Assert.InRange(approach.GetProperty("queueMaeMeters").GetDouble(), 0, 4.5);
        Assert.InRange(approach.GetProperty("speedErrorPercent").GetDouble(), 0, 10);

        // The saved detections replay the analytics without the model: the same report, number for number.
        var replayed = await EvalAsync("--detector", "saved", "--detections", saved, "--models", Path.Combine(Root, "models"));
        Assert.Equal(report.GetProperty("approaches").GetRawText(), replayed.GetProperty("approaches").GetRawText());
        Assert.Equal(report.GetProperty("lines").GetRawText(), replayed.GetProperty("lines").GetRawText());
    }

    [Fact]
    public async Task Saved_detections_of_another_recording_exit_2_naming_the_file()
    {
        var saved = Path.Combine(_folder, "other.jsonl");
        await File.WriteAllLinesAsync(saved, ["""{"frame":0,"time":5.0,"width":640,"height":360,"boxes":[]}"""]);

        var (code, output) = await NodeProcess.RunAsync("eval", "counts", "--video", Video, "--truth", Truth, "--site", Site, "--detector", "saved", "--detections", saved);

        Assert.Equal(2, code);
        Assert.Contains("other.jsonl: 1 frames of detections, but the truth file has 600 lines", output);
    }

    [Fact]
    public async Task A_truth_file_that_does_not_match_the_video_exits_2_naming_the_video()
    {
        var shortTruth = Path.Combine(_folder, "short.truth.jsonl");
        await File.WriteAllLinesAsync(shortTruth, (await File.ReadAllLinesAsync(Truth)).Take(100));

        var (code, output) = await NodeProcess.RunAsync("eval", "counts", "--video", Video, "--truth", shortTruth, "--site", Site, "--detector", "truth");

        Assert.Equal(2, code);
        Assert.Contains("J1-W_J1.mp4: more frames than the truth file has lines (100)", output);
    }

    [Fact]
    public async Task A_bad_truth_line_exits_2_naming_file_line_and_field()
    {
        var bad = Path.Combine(_folder, "bad.truth.jsonl");
        await File.WriteAllLinesAsync(bad, ["""{"frame":0,"time":1,"objects":[]}"""]);

        var (code, output) = await NodeProcess.RunAsync("eval", "counts", "--video", Video, "--truth", bad, "--site", Site, "--detector", "truth");

        Assert.Equal(2, code);
        Assert.Contains("bad.truth.jsonl:1: $.objects", output);
    }
}
