using EdgeCity.Domain.Geometry;
using EdgeCity.Domain.Labelling;
using Det = EdgeCity.Domain.Detection.Detection;

namespace EdgeCity.Domain.Tests.Labelling;

public sealed class ViewFusionSpec
{
    private static readonly BoxF Frame = new(0, 0, 960, 540);

    private static LabellerView Whole(params Det[] d) => new(d, Frame, MinSide: 18);

    [Fact]
    public void A_box_of_the_mirrored_frame_comes_back_to_the_same_place()
    {
        Assert.Equal(new BoxF(80, 10, 90, 20), ViewFusion.Unmirror(new BoxF(10, 10, 20, 20), 100));
    }

    [Fact]
    public void Boxes_both_views_saw_are_averaged_by_score_and_a_box_one_view_saw_keeps_half_its_score()
    {
        var direct = Whole(new(new BoxF(0, 0, 30, 30), 0, "car", 0.8f), new(new BoxF(150, 150, 180, 180), 0, "car", 0.5f));
        var mirrored = Whole(new(new BoxF(2, 0, 32, 30), 0, "car", 0.4f), new(new BoxF(600, 0, 630, 30), 2, "truck", 0.9f));

        var fused = ViewFusion.Fuse([direct, mirrored], minScore: 0.3f);

        var both = Assert.Single(fused, f => f.Box.Left < 5);
        Assert.Equal(0.6f, both.Score, 4);
        Assert.Equal(2f / 3f, both.Box.Left, 4); // 0 and 2 weighted 0.8 : 0.4
        Assert.Contains(fused, f => f.ClassName == "truck" && Math.Abs(f.Score - 0.45f) < 1e-4); // 0.9 alone: 0.45, kept
        Assert.DoesNotContain(fused, f => f.Box.Left == 150); // 0.5 alone: 0.25, under 0.3
    }

    [Fact]
    public void Different_classes_are_never_fused()
    {
        var fused = ViewFusion.Fuse([Whole(new Det(new BoxF(0, 0, 30, 30), 0, "car", 0.8f)), Whole(new Det(new BoxF(0, 0, 30, 30), 2, "truck", 0.8f))], 0.1f);

        Assert.Equal(2, fused.Count);
        Assert.All(fused, f => Assert.Equal(0.4f, f.Score, 4));
    }

    [Fact]
    public void A_car_too_small_for_the_whole_frame_is_judged_by_the_zoomed_tiles_that_hold_it()
    {
        // A 12 px car at (100, 100): the two whole-frame looks resolve 18 px and more, so only the tiles are asked.
        var far = new Det(new BoxF(100, 100, 112, 110), 0, "car", 0.7f);
        var left = new LabellerView([far], new BoxF(0, 0, 540, 310), MinSide: 10, Scale: "tiles");
        var right = new LabellerView([], new BoxF(420, 0, 960, 310), MinSide: 10, Scale: "tiles"); // does not hold it

        var fused = ViewFusion.Fuse([Whole(), Whole(), left, right], 0.3f);

        Assert.Equal(0.7f, Assert.Single(fused).Score, 4);
    }

    [Fact]
    public void A_box_a_whole_look_found_though_small_is_asked_of_every_look_as_fine()
    {
        var small = new Det(new BoxF(100, 100, 112, 110), 0, "car", 0.7f);

        var fused = ViewFusion.Fuse([Whole(small), Whole()], 0.3f);

        Assert.Equal(0.35f, Assert.Single(fused).Score, 4); // the mirror could have seen it as well as the frame did
    }

    [Fact]
    public void Each_scale_judges_a_box_apart_and_the_best_judgement_stands()
    {
        // A near car both looks at the frame agree on; the one tile that holds it mistook it: the frame's 0.8 stands.
        var near = new Det(new BoxF(300, 200, 400, 280), 0, "car", 0.8f);
        var tile = new LabellerView([], new BoxF(0, 0, 540, 310), MinSide: 10, Scale: "tiles");

        var fused = ViewFusion.Fuse([Whole(near), Whole(near), tile], 0.3f);

        Assert.Equal(0.8f, Assert.Single(fused).Score, 4);
    }

    [Fact]
    public void A_box_a_tile_cuts_is_left_to_the_look_that_sees_the_whole_vehicle()
    {
        var tile = new BoxF(0, 0, 540, 310);
        Det cut = new(new BoxF(500, 50, 540, 80), 0, "car", 0.9f); // touches the tile's right edge, inside the frame
        Det whole = new(new BoxF(10, 0, 60, 30), 0, "car", 0.9f); // touches the frame's top edge: not a cut

        Det big = new(new BoxF(100, 100, 300, 250), 0, "car", 0.9f); // too big for the tile to judge

        var view = LabellerView.Tile([cut, whole, big], tile, 960, 540, minSide: 10, maxSide: 40);

        Assert.Equal([whole], view.Detections);
    }

    [Fact]
    public void Tiles_cover_the_frame_and_overlap_by_the_share_asked()
    {
        var tiles = LabellerView.Tiles(960, 540, 2, 2, 0.25f);

        Assert.Equal(4, tiles.Count);
        Assert.Equal(new BoxF(0, 0, 549, 309), tiles[0]);
        Assert.Equal(new BoxF(411, 231, 960, 540), tiles[3]); // 960 / 1.75 = 548.6 wide; neighbours share 137 px
    }
}
