using EdgeCity.Domain.Counting;
using EdgeCity.Domain.Geometry;
using EdgeCity.Domain.Tracking;
using static EdgeCity.Domain.Tests.Counting.SyntheticTrack;

namespace EdgeCity.Domain.Tests.Counting;

public sealed class LineCounterSpec
{
    // Horizontal line across x 0..400 at y = 100, drawn left to right: moving down the image is Forward.
    private static readonly CountLine StopLine = new("stop", "north", new Point2(0, 100), new Point2(400, 100));

    private static List<CountEvent> Run(LineCounter counter, IEnumerable<TrackerUpdate> frames) =>
        frames.SelectMany(f => counter.Process(f)).ToList();

    private static IEnumerable<TrackerUpdate> Path(long id, IReadOnlyList<double> ys, double x = 200, string cls = "car") =>
        ys.Select((y, i) => Frame(i, At(id, x, y, cls)));

    [Fact]
    public void Two_vehicles_crossing_in_the_same_frame_are_two_counts()
    {
        var counter = new LineCounter([StopLine]);
        var frames = Enumerable.Range(0, 9).Select(i => Frame(i, At(1, 100, 60 + (10 * i)), At(2, 300, 60 + (10 * i), "truck")));

        var events = Run(counter, frames);

        Assert.Equal(2, events.Count);
        Assert.Equal([1L, 2L], events.Select(e => e.TrackId).Order());
        Assert.All(events, e => Assert.Equal(CrossingDirection.Forward, e.Direction));
        Assert.Equal(["car", "truck"], events.Select(e => e.ClassName).Order());
        Assert.Single(events.Select(e => e.At).Distinct());
    }

    [Fact]
    public void A_track_jittering_on_the_line_counts_once()
    {
        var counter = new LineCounter([StopLine]);
        double[] ys = [80, 90, 99, 101, 99, 101.5, 98.5, 104, 97.9, 103.5, 99, 110, 120];

        var events = Run(counter, Path(7, ys));

        Assert.Single(events);
        Assert.Equal(7, events[0].TrackId);
    }

    [Fact]
    public void A_track_that_enters_the_band_and_turns_back_does_not_count()
    {
        var counter = new LineCounter([StopLine]);

        Assert.Empty(Run(counter, Path(3, [80, 95, 101, 102, 99, 90, 80])));
    }

    [Fact]
    public void A_vehicle_stopped_on_the_line_counts_once_when_it_moves_on()
    {
        var counter = new LineCounter([StopLine]);
        var ys = new List<double> { 70, 85, 95 };
        ys.AddRange(Enumerable.Range(0, 600).Select(i => 100 + (i % 2 == 0 ? 0.8 : -0.8)));
        ys.AddRange([103, 110, 125]);

        var events = Run(counter, Path(11, ys));

        Assert.Single(events);
        Assert.Equal(SyntheticTrack.T0.AddMilliseconds(100 * 603), events[0].At);
    }

    [Fact]
    public void A_vehicle_crossing_the_lines_extension_beside_the_segment_is_not_counted()
    {
        var segment = StopLine with { Start = new Point2(100, 100), End = new Point2(200, 100) };
        var counter = new LineCounter([segment]);
        double[] ys = [60, 80, 100, 120, 140];

        var outside = Run(counter, Path(1, ys, x: 260));
        var diagonalOutside = Run(counter, ys.Select((y, i) => Frame(i + 10, At(2, 230 + (20 * i), y))));
        var inside = Run(counter, ys.Select((y, i) => Frame(i + 20, At(3, 150, y))));

        Assert.Empty(outside);
        Assert.Empty(diagonalOutside);
        Assert.Single(inside);
        Assert.Equal(150, inside[0].CrossingPoint.X, 6);
    }

    [Fact]
    public void Opposite_directions_are_counted_apart_and_a_forward_only_line_ignores_the_other()
    {
        double[] down = [60, 80, 100, 120, 140];
        double[] up = [.. down.Reverse()];
        var frames = down.Select((y, i) => Frame(i, At(1, 100, y), At(2, 300, up[i]))).ToList();

        var both = Run(new LineCounter([StopLine]), frames);
        var forwardOnly = Run(new LineCounter([StopLine with { Directions = CountDirections.Forward }]), frames);

        Assert.Equal(CrossingDirection.Forward, Assert.Single(both, e => e.TrackId == 1).Direction);
        Assert.Equal(CrossingDirection.Backward, Assert.Single(both, e => e.TrackId == 2).Direction);
        Assert.Equal(1, Assert.Single(forwardOnly).TrackId);
    }

    [Fact]
    public void A_track_that_crosses_back_and_forth_counts_at_most_once_per_direction()
    {
        var counter = new LineCounter([StopLine]);

        var events = Run(counter, Path(5, [80, 110, 80, 110, 80, 110]));

        Assert.Equal(2, events.Count);
        Assert.Equal([CrossingDirection.Forward, CrossingDirection.Backward], events.Select(e => e.Direction));
    }

    [Fact]
    public void An_id_switch_next_to_the_line_counts_the_vehicle_once()
    {
        var counter = new LineCounter([StopLine]);
        var frames = new List<TrackerUpdate>
        {
            Frame(0, At(1, 200, 70)),
            Frame(1, At(1, 200, 80)),
            Frame(2, At(1, 200, 90)),
            Frame(3, At(1, 200, 98)),
            Frame(4, [At(2, 201, 102, confirmed: false)], [1], []),
            Frame(5, At(2, 201, 108, confirmed: false)),
            Frame(6, At(2, 202, 116)),
            Frame(7, At(2, 202, 126)),
        };

        var events = Run(counter, frames);

        Assert.Equal(2, Assert.Single(events).TrackId);
        Assert.Equal(SyntheticTrack.T0.AddMilliseconds(500), events[0].At);
    }

    [Fact]
    public void A_box_several_times_a_lost_vehicles_height_does_not_take_over_its_side_of_the_line()
    {
        // Seen on the real CCTV clip: a car (30 px tall) is lost just above the line; a frame later the detector puts one
        // box over half the picture (a truck entering at the bottom, 200 px tall) below it. Its radius reached the lost
        // car, it inherited the car's side, and the truck counted backward. A box of another size is another object.
        var counter = new LineCounter([StopLine]);
        var frames = new List<TrackerUpdate>
        {
            Frame(0, At(1, 200, 84)),
            Frame(1, At(1, 200, 92)),
            Frame(2, [At(2, 230, 230, cls: "bus", w: 160, h: 200)], [1], []),
            Frame(3, At(2, 230, 226, cls: "bus", w: 160, h: 196)),
        };

        Assert.Empty(Run(counter, frames));

        // The same switch with a box of the car's size is an id switch, and counts.
        var same = new LineCounter([StopLine]);
        var switched = new List<TrackerUpdate>
        {
            Frame(0, At(1, 200, 84)),
            Frame(1, At(1, 200, 92)),
            Frame(2, [At(2, 202, 106, h: 36)], [1], []),
            Frame(3, At(2, 202, 118, h: 36)),
        };

        Assert.Equal(CrossingDirection.Forward, Assert.Single(Run(same, switched)).Direction);
    }

    [Fact]
    public void An_id_switch_just_after_a_counted_crossing_does_not_count_again()
    {
        var counter = new LineCounter([StopLine]);
        var frames = new List<TrackerUpdate>
        {
            Frame(0, At(1, 200, 80)),
            Frame(1, At(1, 200, 95)),
            Frame(2, At(1, 200, 105)),
            Frame(3, [At(2, 200, 101.5)], [1], []),
            Frame(4, At(2, 200, 115)),
        };

        var events = Run(counter, frames);

        Assert.Equal(1, Assert.Single(events).TrackId);
    }

    [Fact]
    public void An_id_that_jumps_onto_the_vehicle_behind_counts_that_vehicle_forward_and_nothing_backward()
    {
        // Id 1 follows a car over the line, then (the car gone, a truck 60 px behind it) the tracker moves id 1 onto
        // the truck: a jump of two box heights in one frame. Counting it as a backward crossing, and then not counting
        // the truck when it crosses (id 1 has already counted forward), is what this rule prevents.
        var counter = new LineCounter([StopLine]);
        double[] ys = [80, 90, 100, 110, 120, 60, 70, 80, 90, 100, 110, 120];

        var events = Run(counter, Path(1, ys));

        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal(CrossingDirection.Forward, e.Direction));
    }

    [Fact]
    public void A_fast_vehicle_moving_less_than_a_box_height_per_frame_is_no_jump()
    {
        var counter = new LineCounter([StopLine]);

        // 25 px per frame with a 30 px box: fast, but one vehicle: one count.
        var events = Run(counter, Path(1, [30, 55, 80, 105, 130, 155]));

        Assert.Single(events);
    }

    [Fact]
    public void A_tentative_track_counts_when_confirmed_and_never_if_it_is_dropped()
    {
        var counter = new LineCounter([StopLine]);
        var confirmedLater = Run(counter, [
            Frame(0, At(1, 200, 90, confirmed: false)),
            Frame(1, At(1, 200, 97, confirmed: false)),
            Frame(2, At(1, 200, 106, confirmed: false)),
            Frame(3, At(1, 200, 112)),
        ]);
        var ghost = Run(counter, [
            Frame(10, At(9, 100, 90, confirmed: false)),
            Frame(11, At(9, 100, 106, confirmed: false)),
            Frame(12, [], [], [9]),
        ]);

        var e = Assert.Single(confirmedLater);
        Assert.Equal(SyntheticTrack.T0.AddMilliseconds(200), e.At);
        Assert.Empty(ghost);
        Assert.Equal(0, counter.RememberedTracks - 1);
    }

    [Fact]
    public void A_line_near_the_frame_edge_counts_a_vehicle_that_leaves_the_picture_on_it()
    {
        // Frame 480 px high, line 2 px above the bottom edge with a 3 px band: the clipped box's bottom-centre can
        // never get clear of the band, so the crossing becomes final when the tracker loses the vehicle.
        var edgeLine = new CountLine("exit", "north", new Point2(0, 478), new Point2(640, 478));
        var counter = new LineCounter([edgeLine]);
        var tracker = new ByteTracker();
        var events = new List<CountEvent>();
        for (var i = 0; i < 30; i++)
        {
            var bottom = Math.Min(440 + (5 * i), 480);
            var top = bottom >= 480 ? 400 + (5 * i) - 40 : bottom - 40;
            var detections = top < 470
                ? new[] { new EdgeCity.Domain.Detection.Detection(new BoxF(300, top, 360, bottom), 0, "car", 0.9f) }
                : [];
            events.AddRange(counter.Process(tracker.Update(detections, SyntheticTrack.T0.AddMilliseconds(100 * i))));
        }

        var e = Assert.Single(events);
        Assert.Equal(CrossingDirection.Forward, e.Direction);
        Assert.Equal("car", e.ClassName);
        Assert.Equal(SyntheticTrack.T0.AddMilliseconds(2200), e.At);
    }

    [Fact]
    public void A_two_way_line_near_the_frame_edge_also_counts_vehicles_entering_the_picture_over_it()
    {
        // The line is 2 px above the bottom edge of a 640×480 picture. A vehicle driving up into the picture appears
        // with its box clipped at the edge, its anchor inside the band: it can only have come from below the line.
        var edgeLine = new CountLine("edge", "north", new Point2(0, 478), new Point2(640, 478));
        var counter = new LineCounter([edgeLine]);
        var frame = new FrameSize(640, 480);
        var events = new List<CountEvent>();
        for (var i = 0; i < 10; i++)
        {
            var bottom = Math.Min(480, 500 - (8 * i));
            var box = new BoxF(300, Math.Max(420, 470 - (8 * i)), 360, bottom);
            var snapshot = new TrackSnapshot(4, TrackState.Tracked, box, box, 0, "bus", 0.9f, 5 + i);
            events.AddRange(counter.Process(Frame(i, snapshot), frame));
        }

        // Without the frame size the counter cannot know where the vehicle came from.
        var blind = new LineCounter([edgeLine]);
        var blindEvents = Enumerable.Range(0, 10).SelectMany(i =>
        {
            var box = new BoxF(300, Math.Max(420, 470 - (8 * i)), 360, Math.Min(480, 500 - (8 * i)));
            return blind.Process(Frame(i, new TrackSnapshot(4, TrackState.Tracked, box, box, 0, "bus", 0.9f, 5 + i)));
        }).ToList();

        var e = Assert.Single(events);
        Assert.Equal((CrossingDirection.Backward, "bus"), (e.Direction, e.ClassName));
        Assert.Empty(blindEvents);
    }

    [Fact]
    public void A_vehicle_entering_over_the_edge_far_from_a_line_is_not_counted_by_it()
    {
        var counter = new LineCounter([StopLine]);
        var frame = new FrameSize(640, 480);
        var events = new List<CountEvent>();
        for (var i = 0; i < 10; i++)
        {
            var box = new BoxF(300, Math.Max(400, 460 - (8 * i)), 360, Math.Min(480, 490 - (8 * i)));
            events.AddRange(counter.Process(Frame(i, new TrackSnapshot(4, TrackState.Tracked, box, box, 0, "car", 0.9f, 5)), frame));
        }

        Assert.Empty(events);
    }

    [Fact]
    public void An_id_switch_made_by_the_real_tracker_at_the_line_counts_once()
    {
        // The detector's box jumps 50 px sideways as the car reaches the line (a shadow merged in): IoU with the
        // prediction drops below 0.2, the tracker loses id 1 and starts id 2. The vehicle must count once.
        var tracker = new ByteTracker();
        var counter = new LineCounter([StopLine]);
        var ids = new HashSet<long>();
        var events = new List<CountEvent>();
        for (var i = 0; i < 30; i++)
        {
            var bottom = 20 + (6 * i);
            var x = bottom >= 97 ? 250 : 200;
            var det = new EdgeCity.Domain.Detection.Detection(new BoxF(x - 30, bottom - 40, x + 30, bottom), 2, "car", 0.9f);
            var update = tracker.Update([det], SyntheticTrack.T0.AddMilliseconds(100 * i));
            ids.UnionWith(update.Matched.Select(t => t.Id));
            events.AddRange(counter.Process(update));
        }

        Assert.Equal([1L, 2L], ids.Order());
        var e = Assert.Single(events);
        Assert.Equal((2L, CrossingDirection.Forward), (e.TrackId, e.Direction));
    }
}
