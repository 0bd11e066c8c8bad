using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using EdgeCity.Actors.Analytics;
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
public sealed class OperatorViewFeed : ReceiveActor
{
    public OperatorViewFeed(OperatorView view)
    {
        Receive<SignalStateChanged>(view.Apply);
        Receive<IntersectionState>(view.Apply);
        Receive<Measurement>(view.Apply);
        Receive<CameraFeedDown>(m => view.CameraStatus(m.CameraId, false, m.Reason));
        Receive<CameraFeedUp>(m => view.CameraStatus(m.CameraId, true, null));
        Receive<IntersectionStatus>(view.Apply);
        Receive<SubscribeAck>(_ => { });
    }

    public static Props Props(OperatorView view) => Akka.Actor.Props.Create(() => new OperatorViewFeed(view));

    protected override void PreStart()
    {
        var events = Context.System.EventStream;
        events.Subscribe(Self, typeof(SignalStateChanged));
        events.Subscribe(Self, typeof(Measurement));
        events.Subscribe(Self, typeof(CameraFeedDown));
        events.Subscribe(Self, typeof(CameraFeedUp));
        DistributedPubSub.Get(Context.System).Mediator.Tell(new Subscribe(ClusterTopics.IntersectionStates, Self));
    }

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);
}
