using EdgeCity.Domain.Counting;
using EdgeCity.Domain.Geometry;
using EdgeCity.Domain.Tracking;
using static EdgeCity.Domain.Tests.Counting.SyntheticTrack;

namespace EdgeCity.Domain.Tests.Counting;

/// <summary>Id switches in a dense queue at the line: the spurious backward counts the shipped model's boxes produced.</summary>
public sealed class LineCounterQueueSpec
{
    // Horizontal line across x 0..400 at y = 100, drawn left to right: moving down the image is Forward.
    private static readonly CountLine StopLine = new("stop", "north", new Point2(0, 100), new Point2(400, 100));

    private static List<CountEvent> Run(LineCounter counter, IEnumerable<TrackerUpdate> frames) =>
        frames.SelectMany(f => counter.Process(f)).ToList();

    [Fact]
    public void A_new_track_on_the_follower_of_a_lost_counted_vehicle_is_not_its_id_switch()
    {
        var counter = new LineCounter([StopLine]);
        var frames = new List<TrackerUpdate>
        {
            Frame(0, At(1, 200, 70)),
            Frame(1, At(1, 200, 80)),
            Frame(2, At(1, 200, 90)),
            Frame(3, At(1, 200, 104)),
            Frame(4, At(1, 200, 108)),

            // Vehicle 1 is lost past the line; the tracker starts id 2 on the car queued right behind it.
            Frame(5, [At(2, 200, 97)], [1], []),
            Frame(6, At(2, 200, 98)),
            Frame(7, At(2, 200, 104)),
            Frame(8, At(2, 200, 112)),
        };

        var events = Run(counter, frames);

        Assert.Equal([(1L, CrossingDirection.Forward), (2L, CrossingDirection.Forward)], events.Select(e => (e.TrackId, e.Direction)));
    }

    [Fact]
    public void A_track_born_on_the_line_whose_box_jumps_across_it_is_not_a_crossing()
    {
        var counter = new LineCounter([StopLine]);

        // A stopped vehicle's box (30 px high) jitters by 5 px around a line it was first seen on: no real travel.
        double[] ys = [105, 104, 96, 97, 105, 95, 104, 96, 97];
        var events = Run(counter, ys.Select((y, i) => Frame(i, At(4, 200, y))));

        Assert.Empty(events);
    }

    [Fact]
    public void A_queued_vehicle_first_seen_at_the_line_counts_once_it_really_moves_on()
    {
        var counter = new LineCounter([StopLine]);

        double[] ys = [96, 97, 96.5, 104, 106, 109, 113, 120];
        var events = Run(counter, ys.Select((y, i) => Frame(i, At(6, 200, y))));

        var e = Assert.Single(events);
        Assert.Equal((CrossingDirection.Forward, SyntheticTrack.T0.AddMilliseconds(600)), (e.Direction, e.At));
    }

    [Fact]
    public void A_vehicle_counted_forward_is_never_counted_backward_under_its_new_id()
    {
        var counter = new LineCounter([StopLine]);
        var frames = new List<TrackerUpdate>
        {
            Frame(0, At(1, 200, 80)),
            Frame(1, At(1, 200, 92)),
            Frame(2, At(1, 200, 99)),
            Frame(3, At(1, 200, 101)),
            Frame(4, At(1, 200, 103.5)),

            // Creeping over the line in a queue, it gets a new id; the new box jumps back upstream for a few frames.
            Frame(5, [At(2, 200, 101)], [1], []),
            Frame(6, At(2, 200, 96)),
            Frame(7, At(2, 200, 95)),
            Frame(8, At(2, 200, 104)),
            Frame(9, At(2, 200, 115)),
        };

        var events = Run(counter, frames);

        var e = Assert.Single(events);
        Assert.Equal((1L, CrossingDirection.Forward), (e.TrackId, e.Direction));
    }
}
