using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using EdgeCity.Actors.Analytics;
using EdgeCity.Actors.Cameras;
using EdgeCity.Actors.Cluster;
using EdgeCity.Actors.Cluster.Contracts;
using EdgeCity.Actors.Signals;
using Measurement = EdgeCity.Domain.Measurements.ApproachMeasurement;

namespace EdgeCity.Node.Api;

/// <summary>
/// Feeds the <see cref="OperatorView"/>: this node's signal changes, measurements and camera events from the local
/// event stream, and every node's <see cref="IntersectionState"/> from the cluster topic (that is how a gateway sees the
/// district). Also the target analytics actors may tell their measurements to. Only writes to the view; never blocks.
/// </summary>
public sealed class OperatorViewFeed : ReceiveActor, IWithTimers
{
    private readonly IReadOnlyDictionary<string, string> _coordinators;

    /// <param name="view">The view to keep current.</param>
    /// <param name="coordinators">Per intersection, the actor path of its coordinator on this node (asked for its status every second).</param>
    /// <param name="nodeFault">Why this node cannot do its job now (its twin down), or null: raised as an alarm.</param>
    public OperatorViewFeed(OperatorView view, IReadOnlyDictionary<string, string> coordinators, Func<string?>? nodeFault = null)
    {
        _coordinators = coordinators;
        Receive<PollCoordinators>(_ =>
        {
            // Tell, not Ask: the answers arrive as IntersectionStatus messages; an intersection run elsewhere just stays silent.
            foreach (var path in _coordinators.Values)
            {
                Context.ActorSelection(path).Tell(GetIntersectionStatus.Instance, Self);
            }
        });
        Receive<SignalStateChanged>(view.Apply);
        Receive<IntersectionState>(view.Apply);
        Receive<Measurement>(view.Apply);
        Receive<CameraFeedDown>(m => view.CameraStatus(m.CameraId, "down", m.Reason));
        Receive<CameraFeedUp>(m => view.CameraStatus(m.CameraId, "up", null));
        Receive<CameraStatus>(m => view.CameraStatus(m.CameraId, m.State.ToString().ToLowerInvariant(), m.Reason));
        Receive<SampleCameras>(_ =>
        {
            view.SampleCameraCounters(id => CameraCounters.Has(CameraMetrics.FramesCaptured, id)
                ? (CameraCounters.Sum(CameraMetrics.FramesCaptured, id), CameraCounters.Sum(CameraMetrics.FramesDropped, id), CameraCounters.Sum(CameraMetrics.Reconnects, id))
                : null);

            // A camera whose status this view missed (it went down before the view subscribed) is asked to say it again.
            foreach (var id in view.CamerasWithoutStatus())
            {
                Context.ActorSelection("/user/" + CameraActor.NameOf(id)).Tell(RepublishCameraStatus.Instance);
            }

            view.RefreshAlarms(nodeFault?.Invoke(), ClusterView.Of(Context.System));
        });
        Receive<IntersectionStatus>(view.Apply);
        Receive<SubscribeAck>(_ => { });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props for the feed; the parameters are the constructor's.</summary>
    public static Props Props(OperatorView view, IReadOnlyDictionary<string, string> coordinators, Func<string?>? nodeFault = null) =>
        Akka.Actor.Props.Create(() => new OperatorViewFeed(view, coordinators, nodeFault));

    protected override void PreStart()
    {
        var events = Context.System.EventStream;
        events.Subscribe(Self, typeof(SignalStateChanged));
        events.Subscribe(Self, typeof(Measurement));
        events.Subscribe(Self, typeof(CameraFeedDown));
        events.Subscribe(Self, typeof(CameraFeedUp));
        events.Subscribe(Self, typeof(CameraStatus));
        DistributedPubSub.Get(Context.System).Mediator.Tell(new Subscribe(ClusterTopics.IntersectionStates, Self));
        Timers.StartPeriodicTimer("poll", PollCoordinators.Instance, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        Timers.StartPeriodicTimer("cameras", SampleCameras.Instance, TimeSpan.FromSeconds(1));
    }

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);


    private sealed class SampleCameras
    {
        public static readonly SampleCameras Instance = new();
    }

    private sealed class PollCoordinators
    {
        public static readonly PollCoordinators Instance = new();
    }
}
