using EdgeCity.Actors.Signals;
using EdgeCity.Domain.Measurements;
using EdgeCity.Domain.Zones;

namespace EdgeCity.Actors.Tests.Signals;

public sealed class CameraObservationsSpec
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    private static ApproachMeasurement Measurement(bool down = false) => new(
        "J1", "W_J1", "J1-W_J1", At, TimeSpan.FromSeconds(1), 3, [], 600, 540, 30, 0.4,
        [new LaneState("z0", "W_J1", "W_J1_0", Presence: true, 2, 2, 30, 0.4, null, 0), new LaneState("z1", "W_J1", "W_J1_1", false, 0, 0, 0, 0, null, 0)],
        8.3, TimeSpan.FromMilliseconds(250), down, down ? "no frames" : null);

    [Fact]
    public void A_camera_measurement_becomes_the_approach_observation_the_controller_reads()
    {
        var o = CameraObservations.From(Measurement());

        Assert.Equal("W_J1", o.Approach);
        Assert.Equal(4.0, o.Observation.QueueVehicles, 9);
        Assert.True(o.Observation.Presence);
        Assert.Equal(0.4, o.Observation.Occupancy);
        Assert.Equal(540, o.Observation.FlowVehiclesPerHour);
        Assert.False(o.Observation.Stale);
        Assert.Equal(At.AddMilliseconds(-250), o.MeasuredAt);
    }

    [Fact]
    public void A_camera_that_is_down_gives_a_stale_observation()
    {
        Assert.True(CameraObservations.From(Measurement(down: true)).Observation.Stale);
    }
}
