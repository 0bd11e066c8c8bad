using EdgeCity.Domain.Assessment;
using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Tests.Assessment;

public sealed class FindingIdSpec
{
    [Fact]
    public void The_same_image_and_box_give_the_same_id_and_a_box_moved_by_a_pixel_too()
    {
        var digest = FindingId.DigestOf("image bytes"u8);

        var a = FindingId.For(digest, 0, FindingKind.Person, "person", new BoxF(100, 100, 140, 180));
        var b = FindingId.For(digest, 0, FindingKind.Person, "person", new BoxF(100.4f, 100, 140, 180.3f));

        Assert.Equal(a, b);
        Assert.Equal(24, a.Length);
    }

    [Fact]
    public void Another_image_frame_or_kind_gives_another_id()
    {
        var digest = FindingId.DigestOf("image bytes"u8);
        var box = new BoxF(100, 100, 140, 180);
        var id = FindingId.For(digest, 0, FindingKind.Person, "person", box);

        Assert.NotEqual(id, FindingId.For(FindingId.DigestOf("other bytes"u8), 0, FindingKind.Person, "person", box));
        Assert.NotEqual(id, FindingId.For(digest, 1, FindingKind.Person, "person", box));
        Assert.NotEqual(id, FindingId.For(digest, 0, FindingKind.Vehicle, "car", box));
    }

    [Theory]
    [InlineData("person", FindingKind.Person)]
    [InlineData("car", FindingKind.Vehicle)]
    [InlineData("Truck", FindingKind.Vehicle)]
    public void Detector_classes_that_are_findings_map_to_their_kind(string label, FindingKind kind) =>
        Assert.Equal(kind, FindingKinds.Of(label));

    [Fact]
    public void Classes_that_are_no_finding_map_to_none_and_kind_names_round_trip()
    {
        Assert.Null(FindingKinds.Of("traffic light"));
        Assert.All(Enum.GetValues<FindingKind>(), k => Assert.Equal(k, FindingKinds.Parse(FindingKinds.Name(k))));
        Assert.Equal("damaged-building", FindingKinds.Name(FindingKind.DamagedBuilding));
    }
}
