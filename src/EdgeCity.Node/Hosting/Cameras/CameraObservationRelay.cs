using Akka.Actor;
using EdgeCity.Actors.Hosting;
using EdgeCity.Actors.Signals;
using EdgeCity.Domain.Measurements;

namespace EdgeCity.Node.Hosting.Cameras;

/// <summary>
/// The analytics actors' target in the demo: turns each camera's <see cref="ApproachMeasurement"/> into one
/// <see cref="MovementMeasurement"/> per movement of that approach, lane by lane (Domain's <see cref="Domain.Control.MovementObservations"/>:
/// a left turn with an empty lane is not charged the through lanes' queue, which the approach-wide
/// <see cref="ApproachObservation"/> would do), sends them to the intersection's coordinator, and counts them (metric
/// and start page). Measurements of an approach the coordinator's signal model lacks are counted as unmatched.
/// </summary>
public sealed class CameraObservationRelay : ReceiveActor
{
    public CameraObservationRelay(SignalCoordinators coordinators, IReadOnlyList<DemoIntersection> intersections, LiveSignals live)
    {
        var byId = intersections.ToDictionary(i => i.Id, StringComparer.Ordinal);
        Receive<ApproachMeasurement>(m =>
        {
            var movements = byId.TryGetValue(m.IntersectionId, out var intersection)
                ? intersection.Lanes.Where(l => intersection.ApproachOf[l.MovementId] == m.Approach).ToList()
                : [];
            if (movements.Count == 0 || !coordinators.ById.TryGetValue(m.IntersectionId, out var coordinator))
            {
                CameraPathMetrics.Unmatched.WithLabels(m.CameraId).Inc();
                return;
            }

            var measuredAt = Domain.Control.MovementObservations.MeasuredAt(m);
            foreach (var movement in movements)
            {
                coordinator.Tell(new MovementMeasurement(movement.MovementId, Domain.Control.MovementObservations.OfMovement(m, movement.InLanes), measuredAt));
            }

            CameraPathMetrics.Observations.WithLabels(m.IntersectionId, m.Approach).Inc();
            live.CameraObservation(m);
        });
    }

    public static Props Props(SignalCoordinators coordinators, IReadOnlyList<DemoIntersection> intersections, LiveSignals live) =>
        Akka.Actor.Props.Create(() => new CameraObservationRelay(coordinators, intersections, live));
}
