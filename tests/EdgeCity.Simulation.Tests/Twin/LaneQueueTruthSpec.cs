using EdgeCity.Domain.Geometry;
using EdgeCity.Simulation.Network;
using EdgeCity.Simulation.Traci;
using EdgeCity.Simulation.Twin;

namespace EdgeCity.Simulation.Tests.Twin;

public sealed class LaneQueueTruthSpec
{
    // A straight 100 m lane running east, its stop line at x = 100.
    private static readonly SumoLane Lane = new("e_0", "e", 0, 100, 3.2, 13.9, [new Point2(0, 0), new Point2(100, 0)], null);

    private static VehicleState Car(string id, double front, double speed, double length = 4.5) =>
        new(id, front, 0, 90, speed, length, 1.8, "car", "passenger", "e_0");

    [Fact]
    public void The_queue_runs_from_the_stop_line_to_the_rear_of_the_last_halting_vehicle_within_the_gap()
    {
        VehicleState[] vehicles = [Car("a", 99, 0), Car("b", 93, 0.5), Car("c", 86, 1.0, 12), Car("d", 60, 0), Car("e", 80, 8)];

        var meters = LaneQueueTruth.Meters(Lane, vehicles, new HashSet<string> { "a", "b", "c", "d", "e" });

        // a: 1..5.5, b: 7..11.5, c (a 12 m bus): 14..26; d stands 40 m back, beyond the 10 m gap; e moves.
        Assert.Equal(26, meters, 6);
    }

    [Fact]
    public void The_queue_ends_where_the_camera_stops_seeing_it()
    {
        VehicleState[] vehicles = [Car("a", 99, 0), Car("b", 93, 0), Car("c", 87, 0)];

        Assert.Equal(11.5, LaneQueueTruth.Meters(Lane, vehicles, new HashSet<string> { "a", "b" }), 6);
        Assert.Equal(0, LaneQueueTruth.Meters(Lane, vehicles, new HashSet<string>()));
    }

    [Fact]
    public void A_halting_vehicle_far_from_the_stop_line_is_no_queue()
    {
        Assert.Equal(0, LaneQueueTruth.Meters(Lane, [Car("a", 70, 0)], new HashSet<string> { "a" }));
    }
}
