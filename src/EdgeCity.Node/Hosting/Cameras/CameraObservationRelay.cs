using Akka.Actor;
using EdgeCity.Actors.Hosting;
using EdgeCity.Actors.Signals;
using EdgeCity.Domain.Measurements;

namespace EdgeCity.Node.Hosting.Cameras;

/// <summary>
/// The analytics actors' target in the demo: turns each camera's <see cref="ApproachMeasurement"/> into the
/// <see cref="ApproachObservation"/> its intersection's coordinator reads, sends it there, and counts it (metric and
/// start page). Measurements of approaches the coordinator's signal model does not have are counted as unmatched.
/// </summary>
public sealed class CameraObservationRelay : ReceiveActor
{
    public CameraObservationRelay(SignalCoordinators coordinators, IReadOnlyDictionary<string, IReadOnlySet<string>> approaches, LiveSignals live)
    {
        Receive<ApproachMeasurement>(m =>
        {
            if (!coordinators.ById.TryGetValue(m.IntersectionId, out var coordinator)
                || !approaches.TryGetValue(m.IntersectionId, out var known) || !known.Contains(m.Approach))
            {
                CameraPathMetrics.Unmatched.WithLabels(m.CameraId).Inc();
                return;
            }

            coordinator.Tell(CameraObservations.From(m));
            CameraPathMetrics.Observations.WithLabels(m.IntersectionId, m.Approach).Inc();
            live.CameraObservation(m);
        });
    }

    public static Props Props(SignalCoordinators coordinators, IReadOnlyDictionary<string, IReadOnlySet<string>> approaches, LiveSignals live) =>
        Akka.Actor.Props.Create(() => new CameraObservationRelay(coordinators, approaches, live));
}
