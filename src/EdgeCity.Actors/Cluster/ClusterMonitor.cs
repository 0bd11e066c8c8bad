using Akka.Actor;
using Akka.Cluster;
using Akka.Event;
using Prometheus;

namespace EdgeCity.Actors.Cluster;

/// <summary>Follows cluster membership and publishes it as Prometheus gauges, so an operator sees a box drop out.</summary>
/// <remarks>
/// Membership is folded from the events themselves rather than read from <c>Cluster.State</c>, which is updated on
/// another path and may not yet include the event being handled (the gauge would then stay one event behind).
/// </remarks>
public sealed class ClusterMonitor : ReceiveActor
{
    private readonly Gauge _membersGauge;
    private readonly Gauge _selfUp;

    private readonly Akka.Cluster.Cluster _cluster = Akka.Cluster.Cluster.Get(Context.System);
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Dictionary<UniqueAddress, Member> _members = [];
    private readonly HashSet<UniqueAddress> _unreachable = [];
    private bool _toldDowned;

    /// <param name="metrics">Where the gauges live: the node's default registry, or a test's own (the default one is
    /// process-wide, so two actor systems in one test process would overwrite each other's membership).</param>
    public ClusterMonitor(IMetricFactory metrics)
    {
        _membersGauge = metrics.CreateGauge(
            "edgecity_cluster_members",
            "Cluster members this node sees, by member status and reachability.",
            new GaugeConfiguration { LabelNames = ["status"] });
        _selfUp = metrics.CreateGauge(
            "edgecity_cluster_self_up",
            "1 when this node is an Up member of its cluster, 0 otherwise.");
        Receive<ClusterEvent.CurrentClusterState>(s =>
        {
            _members.Clear();
            _unreachable.Clear();
            foreach (var m in s.Members)
            {
                _members[m.UniqueAddress] = m;
            }

            _unreachable.UnionWith(s.Unreachable.Select(m => m.UniqueAddress));
            Publish();
        });
        Receive<ClusterEvent.IMemberEvent>(e =>
        {
            _log.Info("Cluster member {0} is {1}", e.Member.Address, e.Member.Status);
            var downedSelf = e.Member.UniqueAddress.Equals(_cluster.SelfUniqueAddress)
                && (e is ClusterEvent.MemberDowned || e is ClusterEvent.MemberRemoved { PreviousStatus: MemberStatus.Down });
            if (downedSelf && !_toldDowned)
            {
                _toldDowned = true;
                // A graceful leave ends Exiting -> Removed and is not worth a warning; being downed is.
                _log.Warning("This node was downed by the cluster (cut off on the minority side, or unreachable too long): its intersections keep running on local decisions and corridor advice stops; restart the node to rejoin.");
            }

            if (e is ClusterEvent.MemberRemoved)
            {
                _members.Remove(e.Member.UniqueAddress);
                _unreachable.Remove(e.Member.UniqueAddress);
            }
            else
            {
                _members[e.Member.UniqueAddress] = e.Member;
            }

            Publish();
        });
        Receive<ClusterEvent.ReachabilityEvent>(e =>
        {
            _log.Warning("Cluster member {0}: {1}", e.Member.Address, e.GetType().Name);
            if (e is ClusterEvent.UnreachableMember)
            {
                _unreachable.Add(e.Member.UniqueAddress);
            }
            else
            {
                _unreachable.Remove(e.Member.UniqueAddress);
            }

            Publish();
        });
    }

    /// <summary>Props for the monitor; its gauges go to <paramref name="metrics"/>, the default registry when null.</summary>
    public static Props Props(IMetricFactory? metrics = null) =>
        Akka.Actor.Props.Create(() => new ClusterMonitor(metrics ?? Metrics.DefaultFactory));

    protected override void PreStart() =>
        _cluster.Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot, typeof(ClusterEvent.IMemberEvent), typeof(ClusterEvent.IReachabilityEvent));

    protected override void PostStop()
    {
        _cluster.Unsubscribe(Self);
        _selfUp.Set(0);
    }

    private void Publish()
    {
        foreach (var status in Enum.GetValues<MemberStatus>())
        {
            _membersGauge.WithLabels(status.ToString().ToLowerInvariant()).Set(0);
        }

        _membersGauge.WithLabels("unreachable").Set(_unreachable.Count);
        foreach (var group in _members.Values.GroupBy(m => m.Status))
        {
            _membersGauge.WithLabels(group.Key.ToString().ToLowerInvariant()).Set(group.Count());
        }

        var self = _members.GetValueOrDefault(_cluster.SelfUniqueAddress);
        _selfUp.Set(self?.Status == MemberStatus.Up ? 1 : 0);
    }
}
