using Akka.Actor;
using EdgeCity.Actors.Signals;
using EdgeCity.Domain.Control.Controllers;
using EdgeCity.Domain.Measurements;
using EdgeCity.Domain.Zones;

namespace EdgeCity.Actors.Tests.Signals;

/// <summary>A camera's analytics report straight to the coordinator, which maps each approach measurement onto its movements.</summary>
public sealed class CameraMeasurementIntakeSpec : Akka.TestKit.Xunit2.TestKit
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    // The east approach: 60 m of queue in all (8 vehicles), but only 2 stopped in the through lane and the left-turn lane empty.
    private static ApproachMeasurement East(DateTimeOffset at) => new(
        "x", "east", "cam-e", at, TimeSpan.FromSeconds(1), 0, [], 600, 540, 60, 0.4,
        [new LaneState("z0", "east", "e_0", Presence: true, 2, 2, 15, 0.4, null, 0), new LaneState("z1", "east", "e_1", false, 0, 0, 0, 0, null, 0)],
        8.3, TimeSpan.FromMilliseconds(250), false, null);

    [Theory]
    [InlineData(true, 2.0)] // lanes known: the busiest movement (through) has its own lane's 2 vehicles
    [InlineData(false, 8.0)] // lanes unknown: every movement of the approach gets the approach's 60 m = 8 vehicles
    public async Task A_camera_measurement_reaches_each_movement_of_its_approach_lane_by_lane_when_the_lanes_are_known(bool lanesKnown, double busiestQueue)
    {
        var time = new ManualTimeProvider(Start);
        var timings = SignalTestModels.Cross("x");
        var settings = new IntersectionCoordinatorSettings(timings, new FixedTimeController(timings), new RecordingSignalHead(), new JsonLinesSignalAuditLog(TextWriter.Null), time)
        {
            MovementLanes = lanesKnown ? new Dictionary<string, IReadOnlyList<string>> { ["ew"] = ["e_0"], ["ewl"] = ["e_1"] } : new Dictionary<string, IReadOnlyList<string>>(),
        };
        var coordinator = Sys.ActorOf(IntersectionCoordinator.Props(settings));

        coordinator.Tell(East(Start));
        var status = await coordinator.Ask<IntersectionStatus>(GetIntersectionStatus.Instance);

        var east = Assert.Single(status.Approaches, a => a.Approach == "east");
        Assert.Equal(busiestQueue, east.Observation.QueueVehicles, 6);
        Assert.Equal(Start.AddMilliseconds(-250), east.MeasuredAt); // when the newest frame was taken
        Assert.DoesNotContain(status.Approaches, a => a.Approach == "north");
    }
}
