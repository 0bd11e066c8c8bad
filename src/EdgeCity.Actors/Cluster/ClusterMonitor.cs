using Akka.Actor;
using Akka.Cluster;
using Akka.Event;
using Prometheus;

namespace EdgeCity.Actors.Cluster;

/// <summary>Follows cluster membership and publishes it as Prometheus gauges, so an operator sees a box drop out.</summary>
public sealed class ClusterMonitor : ReceiveActor
{
    private static readonly Gauge Members = Metrics.CreateGauge(
        "edgecity_cluster_members",
        "Cluster members this node sees, by member status and reachability.",
        new GaugeConfiguration { LabelNames = ["status"] });

    private static readonly Gauge SelfUp = Metrics.CreateGauge(
        "edgecity_cluster_self_up",
        "1 when this node is an Up member of its cluster, 0 otherwise.");

    private readonly Akka.Cluster.Cluster _cluster = Akka.Cluster.Cluster.Get(Context.System);
    private readonly ILoggingAdapter _log = Context.GetLogger();

    public ClusterMonitor()
    {
        Receive<ClusterEvent.CurrentClusterState>(s => Publish(s.Members, s.Unreachable));
        Receive<ClusterEvent.IMemberEvent>(e =>
        {
            _log.Info("Cluster member {0} is {1}", e.Member.Address, e.Member.Status);
            Publish(_cluster.State.Members, _cluster.State.Unreachable);
        });
        Receive<ClusterEvent.ReachabilityEvent>(e =>
        {
            _log.Warning("Cluster member {0}: {1}", e.Member.Address, e.GetType().Name);
            Publish(_cluster.State.Members, _cluster.State.Unreachable);
        });
    }

    /// <summary>Props for the monitor.</summary>
    public static Props Props() => Akka.Actor.Props.Create<ClusterMonitor>();

    protected override void PreStart() =>
        _cluster.Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot, typeof(ClusterEvent.IMemberEvent), typeof(ClusterEvent.IReachabilityEvent));

    protected override void PostStop()
    {
        _cluster.Unsubscribe(Self);
        SelfUp.Set(0);
    }

    private void Publish(IEnumerable<Member> members, IEnumerable<Member> unreachable)
    {
        var unreachableSet = unreachable.Select(m => m.UniqueAddress).ToHashSet();
        foreach (var status in Enum.GetValues<MemberStatus>())
        {
            Members.WithLabels(status.ToString().ToLowerInvariant()).Set(0);
        }

        Members.WithLabels("unreachable").Set(unreachableSet.Count);
        foreach (var group in members.GroupBy(m => m.Status))
        {
            Members.WithLabels(group.Key.ToString().ToLowerInvariant()).Set(group.Count());
        }

        SelfUp.Set(_cluster.SelfMember.Status == MemberStatus.Up ? 1 : 0);
    }
}
