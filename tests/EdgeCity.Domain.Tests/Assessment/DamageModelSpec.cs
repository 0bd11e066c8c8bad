using EdgeCity.Domain.Assessment;
using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Tests.Assessment;

public sealed class DamageModelSpec
{
    private const string Good = """
        { "file": "d.onnx", "layout": "tileClassification", "input": { "name": "tiles", "width": 64, "height": 64, "color": "rgb" },
          "output": "probabilities", "classes": ["background", "major-damage", "blocked-road"],
          "findings": { "major-damage": "damaged-building/major-damage", "blocked-road": "blocked-road" }, "tilePixels": 64 }
        """;

    [Fact]
    public void A_tile_classification_manifest_maps_classes_to_finding_kinds_and_xbd_grades()
    {
        var m = DamageModelManifestFile.Parse(Good, "d", "d.json");

        Assert.Equal("d", m.Name);
        Assert.Equal((FindingKind.DamagedBuilding, DamageGrade.Major), DamageModelManifestFile.FindingOf(m.Findings["major-damage"]));
        Assert.Equal((FindingKind.BlockedRoad, (DamageGrade?)null), DamageModelManifestFile.FindingOf(m.Findings["blocked-road"]));
        Assert.True(DamageModelManifestFile.IsDamageManifest(Good));
        Assert.False(DamageModelManifestFile.IsDamageManifest("""{ "layout": "nanoDet" }"""));
    }

    [Theory]
    [InlineData("\"tilePixels\": 64", "\"tilePixels\": 4", "$.tilePixels")]
    [InlineData("\"blocked-road\": \"blocked-road\"", "\"blocked-road\": \"flooded\"", "$.findings.blocked-road")]
    [InlineData("\"major-damage\": \"damaged-building/major-damage\"", "\"smoke\": \"damaged-building/major-damage\"", "'smoke' is not one of the classes")]
    [InlineData("\"color\": \"rgb\"", "\"color\": \"hsv\"", "$.input.color")]
    [InlineData("\"tilePixels\": 64", "\"tilePixels\": 64, \"stride\": 32", "stride")]
    public void A_bad_manifest_is_refused_naming_the_field(string from, string to, string named)
    {
        var e = Assert.Throws<FormatException>(() => DamageModelManifestFile.Parse(Good.Replace(from, to, StringComparison.Ordinal), "d", "d.json"));

        Assert.Contains(named, e.Message, StringComparison.Ordinal);
        Assert.StartsWith("d.json: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Neighbouring_tiles_of_one_class_join_into_one_region_and_diagonal_ones_do_not()
    {
        // 3 columns x 2 rows: a collapse over tiles 0 and 1, another class at 5, a diagonal neighbour of 1 at 5 is not joined.
        string?[] classes = ["destroyed", "destroyed", null, null, null, "destroyed"];
        double[] scores = [0.7, 0.9, 0, 0, 0, 0.8];
        var tiles = Enumerable.Range(0, 6).Select(i => new BoxF((i % 3) * 64, (i / 3) * 64, ((i % 3) * 64) + 64, ((i / 3) * 64) + 64)).ToList();

        var regions = DamageRegions.Join(classes, scores, tiles, 3);

        Assert.Equal(2, regions.Count);
        Assert.Equal(("destroyed", 0.9, new BoxF(0, 0, 128, 64)), regions[0]);
        Assert.Equal(new BoxF(128, 64, 192, 128), regions[1].Box);
    }
}
