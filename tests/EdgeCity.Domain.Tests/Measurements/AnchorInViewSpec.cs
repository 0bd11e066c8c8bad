using EdgeCity.Domain.Detection;
using EdgeCity.Domain.Geometry;
using EdgeCity.Domain.Measurements;

namespace EdgeCity.Domain.Tests.Measurements;

public sealed class AnchorInViewSpec
{
    private static FrameDetections Frame(params BoxF[] boxes) =>
        new("cam", 1, DateTimeOffset.UnixEpoch, 640, 360, boxes.Select(b => new EdgeCity.Domain.Detection.Detection(b, 0, "car", 0.9f)).ToList());

    [Fact]
    public void A_whole_box_in_the_open_has_its_anchor_in_view()
    {
        var car = new BoxF(300, 100, 340, 140);

        Assert.True(AnchorInView.Holds(car, Frame(car)));
    }

    [Theory]
    [InlineData(0, 100, 40, 140)] // cut by the left edge
    [InlineData(600, 100, 640, 140)] // cut by the right edge
    [InlineData(300, 320, 340, 360)] // cut by the bottom edge: leaving the picture towards the camera
    public void A_box_cut_by_the_left_right_or_bottom_edge_has_no_anchor_in_view(float l, float t, float r, float b)
    {
        var box = new BoxF(l, t, r, b);

        Assert.False(AnchorInView.Holds(box, Frame(box)));
    }

    [Fact]
    public void A_box_cut_by_the_top_edge_keeps_its_anchor_its_bottom_is_in_the_picture()
    {
        var box = new BoxF(300, 0, 340, 30);

        Assert.True(AnchorInView.Holds(box, Frame(box)));
    }

    [Fact]
    public void A_vehicle_whose_bumper_is_behind_a_nearer_vehicles_box_has_no_anchor_in_view_and_the_nearer_one_has()
    {
        var far = new BoxF(300, 80, 340, 120);
        var nearTruck = new BoxF(290, 100, 380, 200);
        var besideIt = new BoxF(400, 80, 440, 120);

        Assert.False(AnchorInView.Holds(far, Frame(far, nearTruck, besideIt)));
        Assert.True(AnchorInView.Holds(nearTruck, Frame(far, nearTruck, besideIt)));
        Assert.True(AnchorInView.Holds(besideIt, Frame(far, nearTruck, besideIt)));
    }
}
