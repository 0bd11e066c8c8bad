using EdgeCity.Domain.Control;
using EdgeCity.Domain.Measurements;

namespace EdgeCity.Actors.Signals;

/// <summary>
/// Maps what a camera's analytics reports for an approach (<see cref="ApproachMeasurement"/>) to what a coordinator's
/// controller reads (<see cref="ApproachObservation"/>): queue in vehicles from the queue length, presence from the lane
/// zones, occupancy and smoothed flow; stamped with when the newest frame was taken; a camera that is down is stale.
/// </summary>
public static class CameraObservations
{
    /// <summary>Road length one queued vehicle takes (car plus gap), in metres.</summary>
    public const double QueuedVehicleMeters = 7.5;

    public static ApproachObservation From(ApproachMeasurement m) =>
        new(m.Approach,
            new MovementObservation
            {
                QueueVehicles = m.QueueLengthMeters / QueuedVehicleMeters,
                Presence = m.Presence,
                Occupancy = m.Occupancy ?? 0,
                FlowVehiclesPerHour = m.FlowVehiclesPerHourSmoothed,
                Stale = m.CameraDown,
            },
            m.At - (m.DataAge ?? TimeSpan.Zero));
}
