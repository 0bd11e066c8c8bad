using System.Text.Json;
using EdgeCity.Domain.Assessment;
using EdgeCity.Vision.Assessment;
using EdgeCity.Vision.Inference;
using EdgeCity.Vision.Tests.Support;

namespace EdgeCity.Vision.Tests.Assessment;

/// <summary>
/// The shipped demonstration damage model end to end: its manifest and ONNX file through the assessor on a drawn scene
/// it never saw (models/testdata/damage, another seed than training), against the scene's tile truth.
/// </summary>
public sealed class DamageClassifierSpec
{
    private static readonly DetectorOptions Cpu = new() { Providers = [ExecutionProvider.Cpu], MaxBatch = 1, IntraOpThreads = 1 };

    private static string Models => Path.Combine(RepoPaths.Root, "models");

    private static string Scene => Path.Combine(Models, "testdata", "damage", "scene-0001.jpg");

    [Fact]
    public void The_drawn_scene_gives_graded_damaged_buildings_and_blocked_roads_where_its_truth_has_them()
    {
        using var damage = DamageClassifier.Load(Models, "edgecity-damage-demo", Cpu);
        using var detector = DetectionModel.Load(Models, "nanodet-m-416", Cpu);
        using var assessor = new ImageAssessor(detector, damage: damage);
        using var photo = AssessmentInputs.ReadPhoto(Scene, out _)!;
        using var truthDoc = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(Scene, null) + ".truth.json"));
        var truth = truthDoc.RootElement.GetProperty("tiles").EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetString()!).ToArray()).ToArray();
        var damaged = new HashSet<string>(damage.Manifest.Findings.Keys);

        var findings = assessor.Assess(photo.Image, photo.Pose, photo.Source, photo.Digest, 0, "box-a")
            .Select(f => f.Finding).Where(f => f.Kind is FindingKind.DamagedBuilding or FindingKind.BlockedRoad).ToList();

        Assert.True(damage.Manifest.Demonstration);
        // Every finding lies on tiles of its own class in the truth: no damage where the scene has none.
        Assert.All(findings, f =>
        {
            var (row, col) = ((int)(f.Box.Top / 64), (int)(f.Box.Left / 64));
            Assert.Equal(truth[row][col], f.Label);
            Assert.Equal(damage.Manifest.Findings[f.Label].StartsWith("damaged-building", StringComparison.Ordinal) ? FindingKind.DamagedBuilding : FindingKind.BlockedRoad, f.Kind);
            Assert.Equal(PositionSource.Projected, f.PositionSource);
        });
        // The truth's damaged tiles are nearly all found (the model scored 0.99 on its held-out tiles).
        var truthTiles = truth.SelectMany((r, i) => r.Select((c, j) => (c, i, j))).Where(t => damaged.Contains(t.c)).ToList();
        var found = truthTiles.Count(t => findings.Any(f => f.Label == t.c && f.Box.Left <= (t.j * 64) + 32 && f.Box.Right >= (t.j * 64) + 32 && f.Box.Top <= (t.i * 64) + 32 && f.Box.Bottom >= (t.i * 64) + 32));
        Assert.True(found >= truthTiles.Count - 2, $"{found} of {truthTiles.Count} damaged tiles found");
        Assert.Contains(findings, f => f.Grade == DamageGrade.Destroyed);
    }

    [Fact]
    public void A_damage_manifest_whose_onnx_file_is_damaged_is_refused_by_its_checksum()
    {
        var dir = Directory.CreateTempSubdirectory("ec-damage-");
        try
        {
            File.Copy(Path.Combine(Models, "edgecity-damage-demo.json"), Path.Combine(dir.FullName, "edgecity-damage-demo.json"));
            File.WriteAllText(Path.Combine(dir.FullName, "edgecity-damage-demo.onnx"), "not a model");

            var e = Assert.Throws<ModelLoadException>(() => DamageClassifier.Load(dir.FullName, "edgecity-damage-demo", Cpu));

            Assert.Contains("sha256 differs", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
