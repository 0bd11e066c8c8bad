using Akka.Actor;
using EdgeCity.Actors.Analytics;
using EdgeCity.Actors.Cameras;
using EdgeCity.Domain.Detection;

namespace EdgeCity.Node.Hosting.Cameras;

/// <summary>
/// Hands each camera's detections (published on the event stream by its <see cref="CameraActor"/>) to that camera's
/// <see cref="AnalyticsActor"/>, and its up/down status as feed messages. Frames are restamped onto the simulation
/// clock the coordinators tick on: capture and inference time on the wall clock, so a frame taken <c>lag</c> ago by the
/// wall is taken <c>lag</c> before simulation-now. Analytics then measure ages and speeds in simulated seconds.
/// </summary>
public sealed class CameraFrameRouter : ReceiveActor
{
    private readonly IReadOnlyDictionary<string, IActorRef> _analytics;
    private readonly Dictionary<string, DateTimeOffset> _last = new(StringComparer.Ordinal);

    public CameraFrameRouter(IReadOnlyDictionary<string, IActorRef> analytics, TimeProvider simulation, TimeProvider wall, LiveSignals live)
    {
        _analytics = analytics;
        Receive<FrameDetections>(frame =>
        {
            if (!_analytics.TryGetValue(frame.CameraId, out var target))
            {
                // A camera the demo loop did not start analytics for (one added through the API): counted, never silent.
                Actors.Analytics.AnalyticsMetrics.FramesDropped.WithLabels(frame.CameraId, "no_analytics").Inc();
                return;
            }

            var lag = wall.GetUtcNow() - frame.CapturedAt;
            var at = simulation.GetUtcNow() - (lag > TimeSpan.Zero ? lag : TimeSpan.Zero);

            // Simulation steps are coarser than frame spacing can be: keep each camera's timestamps increasing.
            if (_last.TryGetValue(frame.CameraId, out var previous) && at <= previous)
            {
                at = previous + TimeSpan.FromMilliseconds(1);
            }

            _last[frame.CameraId] = at;
            live.CameraFrame(frame.CameraId, frame.Detections.Count);
            target.Tell(frame with { CapturedAt = at });
        });
        Receive<CameraStatus>(status =>
        {
            if (status.State != CameraState.Starting && _analytics.TryGetValue(status.CameraId, out var target))
            {
                live.CameraState(status.CameraId, status.State.ToString().ToLowerInvariant(), status.Reason);
                target.Tell(status.State == CameraState.Up ? new CameraFeedUp(status.CameraId) : new CameraFeedDown(status.CameraId, status.Reason));
            }
        });
    }

    public static Props Props(IReadOnlyDictionary<string, IActorRef> analytics, TimeProvider simulation, TimeProvider wall, LiveSignals live) =>
        Akka.Actor.Props.Create(() => new CameraFrameRouter(analytics, simulation, wall, live));

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(FrameDetections));
        Context.System.EventStream.Subscribe(Self, typeof(CameraStatus));
    }

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);
}
