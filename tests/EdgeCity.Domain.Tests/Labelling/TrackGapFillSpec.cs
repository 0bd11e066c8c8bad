using EdgeCity.Domain.Geometry;
using EdgeCity.Domain.Labelling;

namespace EdgeCity.Domain.Tests.Labelling;

public sealed class TrackGapFillSpec
{
    [Fact]
    public void A_vehicle_tracked_on_both_sides_of_a_missed_frame_is_added_there_interpolated()
    {
        var gaps = new TrackGapFill(maxGap: 6);
        gaps.Seen(7, 10, new BoxF(0, 0, 10, 10), "car");
        gaps.Seen(7, 14, new BoxF(40, 0, 50, 10), "car");

        var added = Assert.Single(gaps.For(12, []));

        Assert.Equal(new BoxF(20, 0, 30, 10), added.Box);
        Assert.Equal(("car", 7L), (added.Class, added.Track));
    }

    [Fact]
    public void Nothing_is_added_where_the_vehicle_is_labelled_already_past_its_last_sighting_or_across_a_long_gap()
    {
        var gaps = new TrackGapFill(maxGap: 3);
        gaps.Seen(1, 10, new BoxF(0, 0, 10, 10), "car");
        gaps.Seen(1, 12, new BoxF(4, 0, 14, 10), "car");
        gaps.Seen(2, 0, new BoxF(100, 0, 110, 10), "bus");
        gaps.Seen(2, 20, new BoxF(100, 0, 110, 10), "bus");

        Assert.Empty(gaps.For(11, [new BoxF(2, 0, 12, 10)])); // labelled
        Assert.Empty(gaps.For(13, [])); // seen only before
        Assert.Empty(gaps.For(10, [])); // seen in that frame: its own label stands
        Assert.DoesNotContain(gaps.For(11, []), a => a.Class == "bus"); // a 20-frame gap is too long to guess
    }
}
