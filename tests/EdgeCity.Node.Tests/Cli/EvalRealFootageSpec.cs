using System.Text.Json;
using EdgeCity.Testing;

namespace EdgeCity.Node.Tests.Cli;

/// <summary>
/// <c>edgecity eval counts</c> on real footage (models/testdata/real): the real-camera default detector (NanoDet-m at
/// 416) through the node's analytics on the count station's lines, against counts made by hand.
/// </summary>
public sealed class EvalRealFootageSpec : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"edgecity-real-{Guid.NewGuid():N}");

    public EvalRealFootageSpec() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Real => Path.Combine(RepositoryRoot.FullName, "models", "testdata", "real");

    [Fact]
    public async Task The_overpass_clip_is_counted_by_the_real_camera_default_within_one_vehicle_per_line_and_none_twice()
    {
        var json = Path.Combine(_folder, "report.json");

        var (code, output) = await NodeProcess.RunAsync(
            "eval", "counts", "--video", Path.Combine(Real, "motorway-overpass.mp4"), "--site", Path.Combine(Real, "site.json"),
            "--truth", Path.Combine(Real, "motorway-overpass.truth.jsonl"), "--models", Path.Combine(RepositoryRoot.FullName, "models"),
            "--providers", "cpu", "--json", json);

        Assert.True(code == 0, output);
        Assert.Contains("model nanodet-m-416", output); // the site camera's model, the default for real cameras
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var lines = doc.RootElement.GetProperty("lines").EnumerateArray().Where(l => l.GetProperty("truth").GetInt32() > 0).ToList();
        // Hand counts: 11 cars towards the camera on the main carriageway, 4 on the side road (measured: 11 and 4, each
        // paired with its true crossing). Within one vehicle per line; a vehicle counted twice fails.
        Assert.Equal([("main", 11), ("side", 4)], lines.Select(l => (l.GetProperty("lineId").GetString(), l.GetProperty("truth").GetInt32())));
        Assert.All(lines, l => Assert.True(l.GetProperty("missed").GetInt32() <= 1, l.GetRawText()));
        Assert.All(lines, l => Assert.Equal(0, l.GetProperty("repeated").GetInt32()));
    }

    [Fact]
    public async Task Footage_without_truth_prints_its_counts_and_writes_a_hand_count_draft_that_eval_reads_back()
    {
        var draft = Path.Combine(_folder, "draft.truth.jsonl");
        string[] common = ["eval", "counts", "--video", Path.Combine(Real, "motorway-overpass.mp4"), "--site", Path.Combine(Real, "site.json"),
            "--camera", "motorway-overpass", "--models", Path.Combine(RepositoryRoot.FullName, "models"), "--providers", "cpu"];

        var (code, output) = await NodeProcess.RunAsync([.. common, "--crossings", draft]);

        Assert.True(code == 0, output);
        Assert.Matches(@"main +backward +\d+ +\d+ +car \d+", output);
        var crossings = (await File.ReadAllLinesAsync(draft)).Length;
        Assert.True(crossings > 0, output);
        // The draft, read back as the truth, agrees with the same run count for count.
        var (again, report) = await NodeProcess.RunAsync([.. common, "--truth", draft]);
        Assert.True(again == 0, report);
        Assert.Matches(@"main +main +backward +(\d+) +\1 +0\.00", report);
    }
}
