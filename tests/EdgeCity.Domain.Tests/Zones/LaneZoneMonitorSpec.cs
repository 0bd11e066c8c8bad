using EdgeCity.Domain.Calibration;
using EdgeCity.Domain.Geometry;
using EdgeCity.Domain.Zones;

namespace EdgeCity.Domain.Tests.Zones;

public sealed class LaneZoneMonitorSpec
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    // 10 px per metre; the stop line is image row y = 600, the lane runs up the image from it.
    private static readonly Homography TenPixelsPerMetre = Homography.FromMatrix([0.1, 0, 0, 0, 0.1, 0, 0, 0, 1]);

    private static readonly LaneZone Lane = new(
        "n0", "north", "north_0", [new(100, 0), new(200, 0), new(200, 610), new(100, 610)], new Point2(100, 600), new Point2(200, 600));

    private static VehicleOnRoad Vehicle(long id, double metresBehindStopLine, double? speed, string cls = "car")
    {
        var anchor = new Point2(150, 600 - (10 * metresBehindStopLine));
        return new VehicleOnRoad(id, cls, new BoxF(130, (float)anchor.Y - 30, 170, (float)anchor.Y), anchor, TenPixelsPerMetre.Project(anchor), speed);
    }

    [Fact]
    public void Queue_length_runs_from_the_stop_line_to_the_rear_of_the_last_queued_vehicle()
    {
        var zone = new LaneZoneMonitor(Lane, TenPixelsPerMetre);

        zone.Observe(T0, [
            Vehicle(1, 1.0, 0),
            Vehicle(2, 7.5, 0.2),
            Vehicle(3, 14.0, 0, "truck"),
            Vehicle(4, 30.0, 9.0),      // still driving: not in the queue
            Vehicle(5, 45.0, 0),        // stopped, but 21 m behind the truck's rear: a separate platoon
        ]);

        Assert.Equal(14.0 + 10.0, zone.QueueLengthMeters, 9);
        Assert.Equal(4, zone.StoppedVehicles);
        Assert.Equal(5, zone.Vehicles);
        Assert.True(zone.Presence);
    }

    [Fact]
    public void A_queue_that_runs_to_the_zones_far_end_is_flagged_beyond_view_and_the_reach_is_the_far_end()
    {
        var zone = new LaneZoneMonitor(Lane, TenPixelsPerMetre);

        // Stopped cars every 7 m from 1 m to 50 m: the last one's rear is 54.5 m, within a queue gap of the 60 m reach.
        zone.Observe(T0, [.. Enumerable.Range(0, 8).Select(i => Vehicle(i + 1, 1.0 + (7 * i), 0))]);
        var full = zone.TakeInterval();
        zone.Observe(T0.AddSeconds(1), [Vehicle(1, 1.0, 0), Vehicle(2, 8.0, 0)]);
        var short_ = zone.TakeInterval();

        Assert.Equal(60.0, zone.ReachMeters, 9);
        Assert.Equal(54.5, full.QueueLengthMeters, 9);
        Assert.True(full.QueueBeyondView);
        Assert.Equal(60.0, full.ReachMeters!.Value, 9);
        Assert.Equal(12.5, short_.QueueLengthMeters, 9);
        Assert.False(short_.QueueBeyondView);
    }

    [Fact]
    public void A_queue_that_starts_far_from_the_stop_line_is_no_queue_and_no_stopped_vehicle_no_queue()
    {
        var zone = new LaneZoneMonitor(Lane, TenPixelsPerMetre);

        zone.Observe(T0, [Vehicle(1, 15, 0), Vehicle(2, 21, 0)]);
        var far = zone.QueueLengthMeters;
        zone.Observe(T0.AddSeconds(1), [Vehicle(1, 2, 12), Vehicle(2, 8, 12)]);

        Assert.Equal(0, far);
        Assert.Equal(0, zone.QueueLengthMeters);
    }

    [Fact]
    public void Occupancy_is_the_share_of_time_with_a_vehicle_in_the_zone_and_headways_are_between_entries()
    {
        var zone = new LaneZoneMonitor(Lane, TenPixelsPerMetre);
        VehicleOnRoad outside = new(9, "car", default, new Point2(400, 100), new Point2(40, 10), 10);

        // Frames at irregular times; vehicle 1 enters at 0.0 s, vehicle 2 at 2.0 s, vehicle 3 at 4.5 s.
        zone.Observe(T0, [Vehicle(1, 20, 10)]);
        zone.Observe(T0.AddSeconds(1.0), [Vehicle(1, 10, 10)]);
        zone.Observe(T0.AddSeconds(1.5), [outside]);
        zone.Observe(T0.AddSeconds(2.0), [Vehicle(2, 20, 10)]);
        zone.Observe(T0.AddSeconds(3.0), [outside]);
        zone.Observe(T0.AddSeconds(4.5), [Vehicle(3, 20, 10)]);
        zone.Observe(T0.AddSeconds(6.0), []);
        var state = zone.TakeInterval();

        // Occupied 0–1.5 s and 2–3 s of 6 s observed; the frame at 4.5 s holds presence until 6 s: 1.5+1+1.5 = 4 of 6.
        Assert.Equal(4.0 / 6.0, state.Occupancy!.Value, 9);
        Assert.Equal(2, state.Headways);
        Assert.Equal(2.25, state.MeanHeadwaySeconds!.Value, 9);
        Assert.False(state.Presence);
        Assert.Null(zone.TakeInterval().Occupancy);
    }

    [Fact]
    public void The_first_vehicle_waiting_between_the_stop_line_and_a_zone_drawn_short_of_it_starts_the_queue()
    {
        // The zone's near edge is 2 m upstream of the stop line (y = 580), as the twin's generated zones are; a bus
        // waits 1.2 m from the line, its anchor outside the polygon, and a car queues behind it.
        var shortZone = Lane with { Polygon = [new(100, 0), new(200, 0), new(200, 580), new(100, 580)] };
        var zone = new LaneZoneMonitor(shortZone, TenPixelsPerMetre);

        zone.Observe(T0, [Vehicle(1, 1.2, 0, "bus"), Vehicle(2, 15.5, 0)]);

        Assert.Equal(2.0, zone.StopLineApronMeters, 9);
        Assert.Equal(15.5 + 4.5, zone.QueueLengthMeters, 9);
        Assert.Equal(2, zone.StoppedVehicles);
        Assert.True(zone.Presence);
    }

    [Fact]
    public void The_apron_ends_at_the_stop_line_and_at_the_lane_edges()
    {
        var shortZone = Lane with { Polygon = [new(100, 0), new(200, 0), new(200, 580), new(100, 580)] };
        var zone = new LaneZoneMonitor(shortZone, TenPixelsPerMetre);
        VehicleOnRoad At(long id, double x, double y) => new(id, "car", default, new Point2(x, y), TenPixelsPerMetre.Project(new Point2(x, y)), 0);

        zone.Observe(T0, [At(1, 150, 605), At(2, 250, 590), At(3, 90, 590)]); // past the line; beside the lane, both sides

        Assert.False(zone.Presence);
        Assert.Equal(0, zone.QueueLengthMeters);
        Assert.True(zone.Holds(At(4, 150, 590)));
        Assert.False(new LaneZoneMonitor(shortZone, TenPixelsPerMetre, new ZoneOptions { MaxStopLineApronMeters = 0 }).Holds(At(4, 150, 590)));
    }
    // A vehicle whose box reaches up the picture to road distance topMetres: a bus or truck near the camera hides the
    // lane behind it up to there.
    private static VehicleOnRoad Tall(long id, double metresBehindStopLine, double topMetres, double? speed, string cls = "bus")
    {
        var v = Vehicle(id, metresBehindStopLine, speed, cls);
        return v with { Box = v.Box with { Top = (float)(600 - (10 * topMetres)) } };
    }

    [Fact]
    public void A_gap_in_the_queue_hidden_behind_a_stopped_bus_does_not_end_the_queue()
    {
        var zone = new LaneZoneMonitor(Lane, TenPixelsPerMetre);

        // Bus at the line (rear at 13 m) whose box hides the lane up to 30 m; the next car the detector found stands
        // at 25 m, 12 m behind the bus: more than the 10 m gap, but every metre between them is out of sight.
        zone.Observe(T0, [Tall(1, 1.0, 30, 0), Vehicle(2, 25.0, 0)]);

        Assert.Equal(29.5, zone.QueueLengthMeters, 9);
    }

    [Fact]
    public void A_visible_gap_or_one_hidden_only_by_a_moving_vehicle_ends_the_queue()
    {
        var seen = new LaneZoneMonitor(Lane, TenPixelsPerMetre);
        var behindMoving = new LaneZoneMonitor(Lane, TenPixelsPerMetre);

        // The same bus, but its box ends at 14 m: the 11 m of lane from there to the car are in view, and empty.
        seen.Observe(T0, [Tall(1, 1.0, 14, 0), Vehicle(2, 25.0, 0)]);

        // A moving bus in the next lane hides the gap: behind a moving vehicle the road may well be empty.
        behindMoving.Observe(T0, [Vehicle(1, 1.0, 0), Tall(3, 0.5, 30, 8.0), Vehicle(2, 17.0, 0)]);

        Assert.Equal(13.0, seen.QueueLengthMeters, 9);
        Assert.Equal(5.5, behindMoving.QueueLengthMeters, 9);
    }
}
