using EdgeCity.Domain.Geometry;
using EdgeCity.Domain.Labelling;
using Det = EdgeCity.Domain.Detection.Detection;

namespace EdgeCity.Domain.Tests.Labelling;

public sealed class FlipFusionSpec
{
    [Fact]
    public void A_box_of_the_mirrored_frame_comes_back_to_the_same_place()
    {
        Assert.Equal(new BoxF(80, 10, 90, 20), FlipFusion.Unmirror(new BoxF(10, 10, 20, 20), 100));
    }

    [Fact]
    public void Boxes_both_views_saw_are_averaged_by_score_and_a_box_one_view_saw_keeps_half_its_score()
    {
        Det[] direct = [new(new BoxF(0, 0, 10, 10), 0, "car", 0.8f), new(new BoxF(50, 50, 60, 60), 0, "car", 0.5f)];
        Det[] mirrored = [new(new BoxF(2, 0, 12, 10), 0, "car", 0.4f), new(new BoxF(200, 0, 210, 10), 2, "truck", 0.9f)];

        var fused = FlipFusion.Fuse(direct, mirrored, minScore: 0.3f);

        var both = Assert.Single(fused, f => f.Box.Left < 5);
        Assert.Equal(0.6f, both.Score, 4);
        Assert.Equal(2f / 3f, both.Box.Left, 4); // 0 and 2 weighted 0.8 : 0.4
        Assert.Contains(fused, f => f.ClassName == "truck" && Math.Abs(f.Score - 0.45f) < 1e-4); // 0.9 alone: 0.45, kept
        Assert.DoesNotContain(fused, f => f.Box.Left == 50); // 0.5 alone: 0.25, under 0.3
    }

    [Fact]
    public void Different_classes_are_never_fused()
    {
        var fused = FlipFusion.Fuse([new(new BoxF(0, 0, 10, 10), 0, "car", 0.8f)], [new(new BoxF(0, 0, 10, 10), 2, "truck", 0.8f)], 0.1f);

        Assert.Equal(2, fused.Count);
        Assert.All(fused, f => Assert.Equal(0.4f, f.Score, 4));
    }
}
