using System.Text.Json;
using System.Text.RegularExpressions;
using EdgeCity.Actors.Assessment;
using EdgeCity.Node.Tests.Cli;
using EdgeCity.Testing;

namespace EdgeCity.Node.Tests.Assessment;

/// <summary>
/// <c>edgecity assess</c> as a team would run it: the committed sample (real footage with EXIF positions) into findings,
/// a GeoJSON, CSV and KML; run again, nothing twice; killed with SIGKILL mid-run, nothing acknowledged lost.
/// </summary>
public sealed partial class AssessCliSpec : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("ec-assess-cli-");

    private static string Sample => Path.Combine(RepositoryRoot.FullName, "models", "testdata", "assessment");

    private static string Models => Path.Combine(RepositoryRoot.FullName, "models");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task The_sample_gives_located_vehicle_findings_in_geojson_csv_and_kml_and_a_second_run_adds_none()
    {
        var db = Path.Combine(_dir.FullName, "findings.db");
        var geo = Path.Combine(_dir.FullName, "out", "site.geojson");
        string[] args = ["assess", "--images", Sample, "--store", db, "--geojson", geo, "--csv", Path.Combine(_dir.FullName, "f.csv"),
            "--kml", Path.Combine(_dir.FullName, "f.kml"), "--models", Models, "--providers", "cpu", "--node", "box-1"];

        var (code, output) = await NodeProcess.RunAsync(TimeSpan.FromMinutes(3), args);

        Assert.True(code == 0, output);
        Assert.Contains("[4/4]", output, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(geo));
        var features = doc.RootElement.GetProperty("features").EnumerateArray().ToList();
        var stored = StoredIds().Matches(output).Select(m => m.Groups[1].Value).ToList();
        // 37 vehicles measured; the one "person" (0.34) is the back of a road sign on overpass-0001.
        Assert.True(features.Count(f => f.GetProperty("properties").GetProperty("kind").GetString() == "vehicle") >= 30, output);
        Assert.Equal(stored.Order(), features.Select(f => f.GetProperty("id").GetString()!).Order());
        Assert.All(features, f =>
        {
            Assert.Contains(f.GetProperty("properties").GetProperty("kind").GetString(), new[] { "vehicle", "person" });
            Assert.Equal("box-1", f.GetProperty("properties").GetProperty("node").GetString());
            var lonLat = f.GetProperty("geometry").GetProperty("coordinates");
            Assert.InRange(lonLat[0].GetDouble(), 7.44, 7.45);
            Assert.InRange(lonLat[1].GetDouble(), 46.94, 46.95);
        });
        Assert.Contains(features, f => f.GetProperty("properties").GetProperty("position").GetString() == "projected");
        Assert.Equal(features.Count + 1, (await File.ReadAllLinesAsync(Path.Combine(_dir.FullName, "f.csv"))).Length);
        Assert.Equal(features.Count, Regex.Count(await File.ReadAllTextAsync(Path.Combine(_dir.FullName, "f.kml")), "<Placemark"));

        var (again, second) = await NodeProcess.RunAsync(TimeSpan.FromMinutes(3), args);

        Assert.True(again == 0, second);
        Assert.Contains("0 image(s) assessed, 4 assessed before", second, StringComparison.Ordinal);
        using var store = new FindingStore(db);
        Assert.Equal(features.Count, store.Totals().Findings);
    }

    [Fact]
    public async Task A_kill_9_during_ingest_loses_no_acknowledged_finding_and_a_restart_finishes_without_duplicates()
    {
        // 30 distinct photos: the sample's, each copy made unique by trailing bytes after the JPEG's end (decoders ignore them).
        var photos = Directory.CreateDirectory(Path.Combine(_dir.FullName, "photos"));
        var sources = Directory.GetFiles(Sample, "*.jpg").Order(StringComparer.Ordinal).ToArray();
        for (var i = 0; i < 30; i++)
        {
            var bytes = (await File.ReadAllBytesAsync(sources[i % sources.Length])).Concat(BitConverter.GetBytes(i)).ToArray();
            await File.WriteAllBytesAsync(Path.Combine(photos.FullName, $"IMG_{i:0000}.jpg"), bytes);
        }

        var db = Path.Combine(_dir.FullName, "findings.db");
        string[] args = ["assess", "--images", photos.FullName, "--store", db, "--models", Models, "--providers", "cpu", "--threads", "1"];
        string acknowledged;
        using (var run = NodeProcess.Start(args))
        {
            await run.WaitForOutputAsync("[6/30]", TimeSpan.FromMinutes(3));
            run.Signal(9);
            await run.Process.WaitForExitAsync();
            run.Process.WaitForExit();
            acknowledged = run.Output;
            Assert.Equal(128 + 9, run.Process.ExitCode); // killed by SIGKILL, not exited
        }

        var ids = StoredIds().Matches(acknowledged).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(ids);
        Assert.DoesNotContain("[30/30]", acknowledged, StringComparison.Ordinal);
        using (var store = new FindingStore(db))
        {
            var kept = store.All().Select(f => f.Id).ToHashSet();
            Assert.All(ids, id => Assert.Contains(id, kept));
        }

        var (code, output) = await NodeProcess.RunAsync(TimeSpan.FromMinutes(5), args);

        Assert.True(code == 0, output);
        Assert.Matches(@"\d+ assessed before", output);
        var clean = Path.Combine(_dir.FullName, "clean.db");
        var (cleanCode, cleanOutput) = await NodeProcess.RunAsync(TimeSpan.FromMinutes(5), ["assess", "--images", photos.FullName, "--store", clean, "--models", Models, "--providers", "cpu"]);
        Assert.True(cleanCode == 0, cleanOutput);
        using var resumed = new FindingStore(db);
        using var reference = new FindingStore(clean);
        Assert.Equal(reference.All().Select(f => f.Id).Order(), resumed.All().Select(f => f.Id).Order());
    }

    [Fact]
    public async Task A_folder_with_a_corrupt_photo_assesses_the_rest_names_the_bad_one_and_exits_3()
    {
        var photos = Directory.CreateDirectory(Path.Combine(_dir.FullName, "photos"));
        File.Copy(Path.Combine(Sample, "cctv-0004.jpg"), Path.Combine(photos.FullName, "a.jpg"));
        await File.WriteAllTextAsync(Path.Combine(photos.FullName, "b.jpg"), "truncated");

        var (code, output) = await NodeProcess.RunAsync(TimeSpan.FromMinutes(3),
            "assess", "--images", photos.FullName, "--store", Path.Combine(_dir.FullName, "f.db"), "--models", Models, "--providers", "cpu");

        Assert.Equal(3, code);
        Assert.Contains("b.jpg: not a decodable image (9 bytes)", output, StringComparison.Ordinal);
        Assert.Contains("1 image(s) assessed, 0 assessed before, 1 problem(s)", output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"stored ([0-9a-f]{24}) ")]
    private static partial Regex StoredIds();
}
