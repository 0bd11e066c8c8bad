using EdgeCity.Domain.Measurements;

namespace EdgeCity.Domain.Control;

/// <summary>
/// The one mapping from what a camera's analytics reports for an approach (<see cref="ApproachMeasurement"/>) to what a
/// controller reads for a movement (<see cref="MovementObservation"/>), used by the node's coordinators, the demo and
/// <c>sim --cameras</c>. Approach-wide: queue in vehicles from the queue length, presence from the lane zones,
/// occupancy and smoothed flow; a camera that is down is stale. Lane by lane, when the movement's lanes are known: the
/// lane zones the movement leaves from give its queue (stopped vehicles, or the queue's length in vehicles when longer),
/// presence and occupancy, so a left turn with an empty lane is not charged the through lanes' queue; movements whose
/// lanes no zone watches get the approach's figures. Approaching vehicles (moving confirmed tracks with arrival
/// estimates) come from the same lanes; vehicles beyond the camera's view are unknown and are not invented.
/// </summary>
public static class MovementObservations
{
    /// <summary>Road length one queued vehicle takes (car plus gap), in metres.</summary>
    public const double QueuedVehicleMeters = 7.5;

    /// <summary>When the measurement's newest frame was taken: what the observation's age is counted from.</summary>
    public static DateTimeOffset MeasuredAt(ApproachMeasurement m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return m.At - (m.DataAge ?? TimeSpan.Zero);
    }

    /// <summary>The approach's figures, for every movement of it.</summary>
    public static MovementObservation OfApproach(ApproachMeasurement m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new MovementObservation
        {
            QueueVehicles = m.QueueLengthMeters / QueuedVehicleMeters,
            Presence = m.Presence,
            Occupancy = m.Occupancy ?? 0,
            FlowVehiclesPerHour = m.FlowVehiclesPerHourSmoothed,
            Stale = m.CameraDown,
        };
    }

    /// <summary>One movement's figures from the lanes it leaves from (<paramref name="inLanes"/>, the lane ids the zones name).</summary>
    public static MovementObservation OfMovement(ApproachMeasurement m, IReadOnlyCollection<string> inLanes)
    {
        ArgumentNullException.ThrowIfNull(inLanes);
        var approach = OfApproach(m);
        var lanes = m.Lanes.Where(l => inLanes.Contains(l.Lane, StringComparer.Ordinal)).ToList();
        if (lanes.Count == 0)
        {
            return approach with { Approaching = Arrivals(m.Approaching) };
        }

        var watched = Math.Max(1, m.Lanes.Count);
        return approach with
        {
            QueueVehicles = lanes.Sum(l => Math.Max(l.StoppedVehicles, l.QueueLengthMeters / QueuedVehicleMeters)),
            Presence = lanes.Any(l => l.Presence),
            Occupancy = lanes.Max(l => l.Occupancy ?? 0),
            FlowVehiclesPerHour = approach.FlowVehiclesPerHour * lanes.Count / watched,
            Approaching = Arrivals(m.Approaching.Where(t => inLanes.Contains(t.Lane, StringComparer.Ordinal))),
        };
    }

    private static List<ApproachingVehicle> Arrivals(IEnumerable<ApproachingTrack> tracks) =>
        tracks.Select(t => new ApproachingVehicle(t.EtaSeconds)).OrderBy(v => v.EtaSeconds).ToList();
}
