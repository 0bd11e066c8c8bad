using EdgeCity.Actors.Signals;
using EdgeCity.Domain.Control;
using EdgeCity.Domain.Measurements;
using EdgeCity.Simulation.Control;

namespace EdgeCity.Node.CameraLoop;

/// <summary>
/// One movement's observation from a camera's approach measurement, lane by lane: the lane zones the movement leaves
/// from give its queue (stopped vehicles, or the queue's length in vehicles when longer), presence and occupancy, so a
/// left turn with an empty lane is not charged the through lanes' queue. Movements whose lanes no zone watches get
/// the approach's figures (<see cref="CameraObservations"/>). Approaching vehicles (moving confirmed tracks with
/// arrival estimates, as the detector path reports them) come from the same lanes; vehicles beyond the camera's view
/// are unknown and are not invented, so a controller sees arrivals only as far as the camera sees.
/// </summary>
public static class CameraMovementObservation
{
    public static MovementObservation From(ApproachMeasurement measurement, MovementLanes movement)
    {
        var approach = CameraObservations.From(measurement).Observation;
        var lanes = measurement.Lanes.Where(l => movement.InLanes.Contains(l.Lane, StringComparer.Ordinal)).ToList();
        if (lanes.Count == 0)
        {
            return approach with { Approaching = Arrivals(measurement.Approaching) };
        }

        var watched = Math.Max(1, measurement.Lanes.Count);
        return approach with
        {
            QueueVehicles = lanes.Sum(l => Math.Max(l.StoppedVehicles, l.QueueLengthMeters / CameraObservations.QueuedVehicleMeters)),
            Presence = lanes.Any(l => l.Presence),
            Occupancy = lanes.Max(l => l.Occupancy ?? 0),
            FlowVehiclesPerHour = approach.FlowVehiclesPerHour * lanes.Count / watched,
            Approaching = Arrivals(measurement.Approaching.Where(t => movement.InLanes.Contains(t.Lane, StringComparer.Ordinal))),
        };
    }

    private static List<ApproachingVehicle> Arrivals(IEnumerable<ApproachingTrack> tracks) =>
        tracks.Select(t => new ApproachingVehicle(t.EtaSeconds)).OrderBy(v => v.EtaSeconds).ToList();
}
