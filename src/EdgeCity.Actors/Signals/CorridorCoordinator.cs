using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Event;
using EdgeCity.Actors.Cluster;
using EdgeCity.Actors.Cluster.Contracts;
using CorridorAdvice = EdgeCity.Actors.Cluster.Contracts.CorridorAdvice;
using EdgeCity.Domain.Control;
using EdgeCity.Domain.Sites;

namespace EdgeCity.Actors.Signals;

/// <summary>
/// The site's corridors, coordinated: for each, a common cycle (the longest its members prefer, within its bounds) and
/// each member's offset from its distance and the progression speed, published as <see cref="CorridorAdvice"/> on the
/// cluster topic that coordinators on every box subscribe to, and re-sent before it expires. Members' preferred cycles
/// arrive with their <see cref="IntersectionState"/>s. Runs as the cluster singleton; coordinators may take the advice,
/// none depends on it, so losing this actor (or its box) leaves every intersection safe and adaptive.
/// Outside a cluster (tests, a lone box) the advice goes on the local event stream instead.
/// </summary>
public sealed class CorridorCoordinator : ReceiveActor
{
    private readonly IReadOnlyList<CorridorDefinition> _corridors;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, double> _preferred = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _offered = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _offeredAt = new(StringComparer.Ordinal);
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private IActorRef? _mediator;
    private ITimer? _timer;

    /// <summary>A member without advice gets it again at most this often (s): its states come once a second.</summary>
    public const double CatchUpSeconds = 5;

    public CorridorCoordinator(IReadOnlyList<CorridorDefinition> corridors, TimeProvider time)
    {
        foreach (var c in corridors.Where(c => c.SpeedMetersPerSecond <= 0))
        {
            throw new ArgumentException($"corridor {c.Id}: progression speed must be positive", nameof(corridors));
        }

        _corridors = corridors;
        _time = time;
        Receive<PreferredCycle>(p => Prefer(p.IntersectionId, p.CycleSeconds));
        Receive<IntersectionState>(s =>
        {
            if (s.PreferredCycleSeconds is { } cycle)
            {
                Prefer(s.IntersectionId, cycle);
            }

            CatchUp(s);
        });
        Receive<SubscribeAck>(_ => { });
        Receive<Refresh>(_ => OfferAll());
    }

    public static Props Props(IReadOnlyList<CorridorDefinition> corridors, TimeProvider time) =>
        Akka.Actor.Props.Create(() => new CorridorCoordinator(corridors, time));

    protected override void PreStart()
    {
        if (Context.System is ExtendedActorSystem { Provider: Akka.Cluster.ClusterActorRefProvider })
        {
            _mediator = DistributedPubSub.Get(Context.System).Mediator;
            _mediator.Tell(new Subscribe(ClusterTopics.IntersectionStates, Self));
        }

        OfferAll();
        if (_corridors.Count > 0)
        {
            var self = Self;
            var period = TimeSpan.FromSeconds(_corridors.Min(c => c.AdviceSeconds) / 2);
            _timer = _time.CreateTimer(_ => self.Tell(Refresh.Instance), null, period, period);
        }
    }

    protected override void PostStop() => _timer?.Dispose();

    private void Prefer(string intersection, double cycle)
    {
        _preferred[intersection] = cycle;
        foreach (var c in _corridors.Where(c => c.Members.Any(m => m.Intersection == intersection)))
        {
            if (Math.Abs(CommonCycle(c) - _offered.GetValueOrDefault(c.Id)) > 0.5)
            {
                Offer(c);
            }
        }
    }

    /// <summary>
    /// A member whose state says it holds none of its corridor's advice missed it: it started, restarted or joined after
    /// the last offer, or subscribed while the cluster's topic was still spreading its subscription. It gets the advice
    /// again now rather than at the next refresh (half the advice's lifetime away), at most once every
    /// <see cref="CatchUpSeconds"/> per corridor.
    /// </summary>
    private void CatchUp(IntersectionState s)
    {
        var now = _time.GetUtcNow();
        foreach (var c in _corridors.Where(c => s.CorridorId != c.Id && c.Members.Any(m => m.Intersection == s.IntersectionId)))
        {
            if (!_offeredAt.TryGetValue(c.Id, out var last) || now - last >= TimeSpan.FromSeconds(CatchUpSeconds))
            {
                Offer(c);
            }
        }
    }

    private double CommonCycle(CorridorDefinition c) =>
        GreenWave.CommonCycle(c.Members.Where(m => _preferred.ContainsKey(m.Intersection)).Select(m => _preferred[m.Intersection]), c.MinCycleSeconds, c.MaxCycleSeconds);

    private void OfferAll()
    {
        foreach (var c in _corridors)
        {
            Offer(c);
        }
    }

    private void Offer(CorridorDefinition c)
    {
        var cycle = CommonCycle(c);
        var offsets = GreenWave.Offsets(c.Members.Select(m => m.Metres).ToList(), c.SpeedMetersPerSecond, cycle);
        var now = _time.GetUtcNow();
        var advice = new CorridorAdvice(c.Id, cycle, c.Members.Select((m, i) => (m.Intersection, offsets[i])).ToDictionary(p => p.Intersection, p => p.Item2, StringComparer.Ordinal), now, now + TimeSpan.FromSeconds(c.AdviceSeconds))
        {
            CoordinatedPhases = c.Members.Where(m => m.Phase is not null).ToDictionary(m => m.Intersection, m => m.Phase!, StringComparer.Ordinal),
        };
        if (_mediator is not null)
        {
            _mediator.Tell(new Publish(ClusterTopics.CorridorAdvice, advice));
        }
        else
        {
            Context.System.EventStream.Publish(advice);
        }

        if (Math.Abs(_offered.GetValueOrDefault(c.Id) - cycle) > 0.5)
        {
            _log.Info("Corridor {0}: cycle {1:F0} s, offsets {2}", c.Id, cycle, string.Join(", ", offsets.Select(o => o.ToString("F0", System.Globalization.CultureInfo.InvariantCulture))));
        }

        _offered[c.Id] = cycle;
        _offeredAt[c.Id] = now;
    }

    private sealed class Refresh
    {
        public static readonly Refresh Instance = new();
    }
}
