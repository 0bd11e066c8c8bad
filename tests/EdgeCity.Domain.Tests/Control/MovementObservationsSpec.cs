using EdgeCity.Domain.Measurements;
using EdgeCity.Domain.Zones;
using EdgeCity.Domain.Control;

namespace EdgeCity.Domain.Tests.Control;

public sealed class MovementObservationsSpec
{
    private static readonly DateTimeOffset At = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);

    // A two-lane approach: four vehicles stopped in the right lane (30 m of queue), the left-turn lane empty.
    private static readonly ApproachMeasurement Measurement = new(
        "J1", "W_J1", "J1-W_J1", At, TimeSpan.FromSeconds(1), 0, [], 400, 360, 30, 0.5,
        [
            new LaneState("W_J1_0", "W_J1", "W_J1_0", true, 4, 4, 30, 0.9, null, 0),
            new LaneState("W_J1_1", "W_J1", "W_J1_1", false, 0, 0, 0, 0.1, null, 0),
        ],
        null, TimeSpan.FromSeconds(0.2), false, null);

    [Fact]
    public void A_movement_gets_the_queue_presence_and_occupancy_of_the_lanes_it_leaves_from()
    {
        var through = MovementObservations.OfMovement(Measurement, ["W_J1_0"]);
        var left = MovementObservations.OfMovement(Measurement, ["W_J1_1"]);

        Assert.Equal(4, through.QueueVehicles);
        Assert.True(through.Presence);
        Assert.Equal(0.9, through.Occupancy);
        Assert.Equal(180, through.FlowVehiclesPerHour);
        Assert.Equal(0, left.QueueVehicles);
        Assert.False(left.Presence);
        Assert.Equal(0.1, left.Occupancy);
    }

    [Fact]
    public void A_queue_longer_than_its_stopped_vehicles_counts_in_vehicles_of_7_5_m()
    {
        var queued = Measurement with { Lanes = [new LaneState("W_J1_0", "W_J1", "W_J1_0", true, 2, 2, 45, 1, null, 0)] };

        var observation = MovementObservations.OfMovement(queued, ["W_J1_0"]);

        Assert.Equal(6, observation.QueueVehicles);
    }

    [Fact]
    public void A_movement_whose_lanes_no_zone_watches_gets_the_approach_figures()
    {
        var observation = MovementObservations.OfMovement(Measurement, ["W_J1_2"]);

        Assert.Equal(4, observation.QueueVehicles); // 30 m of queue / 7.5 m
        Assert.True(observation.Presence);
        Assert.Equal(0.5, observation.Occupancy);
        Assert.Equal(360, observation.FlowVehiclesPerHour);
    }

    [Fact]
    public void A_movement_gets_the_arrivals_of_its_own_lanes_nearest_first()
    {
        var tracked = Measurement with
        {
            Approaching =
            [
                new ApproachingTrack("W_J1_0", 7, 50, 10, 5),
                new ApproachingTrack("W_J1_1", 8, 20, 10, 2),
                new ApproachingTrack("W_J1_0", 9, 30, 10, 3),
            ],
        };

        var through = MovementObservations.OfMovement(tracked, ["W_J1_0"]);
        var unwatched = MovementObservations.OfMovement(tracked, ["W_J1_2"]);

        Assert.Equal([3.0, 5.0], through.Approaching.Select(a => a.EtaSeconds));
        Assert.Equal([2.0, 3.0, 5.0], unwatched.Approaching.Select(a => a.EtaSeconds));
    }
}
