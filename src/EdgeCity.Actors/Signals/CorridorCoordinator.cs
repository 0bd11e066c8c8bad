using Akka.Actor;
using Akka.Event;
using EdgeCity.Domain.Control;

namespace EdgeCity.Actors.Signals;

/// <summary>
/// Computes a corridor's common cycle (the longest its members prefer) and each member's offset from its position and
/// the progression speed, and offers them as advice that expires. Coordinators may take it; none depends on it, so
/// losing this actor (or the box it runs on) leaves every intersection safe and adaptive.
/// A plain actor for now; a cluster singleton once the cluster lands.
/// </summary>
public sealed class CorridorCoordinator : ReceiveActor
{
    private readonly CorridorDefinition _corridor;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, double> _preferred = [];
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private ITimer? _timer;

    public CorridorCoordinator(CorridorDefinition corridor, TimeProvider time)
    {
        if (corridor.ProgressionSpeedMetersPerSecond <= 0)
        {
            throw new ArgumentException($"corridor {corridor.Id}: progression speed must be positive", nameof(corridor));
        }

        _corridor = corridor;
        _time = time;
        Receive<PreferredCycle>(p =>
        {
            var before = CommonCycle();
            _preferred[p.IntersectionId] = p.CycleSeconds;
            if (Math.Abs(CommonCycle() - before) > 0.5)
            {
                Offer();
            }
        });
        Receive<Refresh>(_ => Offer());
    }

    public static Props Props(CorridorDefinition corridor, TimeProvider time) =>
        Akka.Actor.Props.Create(() => new CorridorCoordinator(corridor, time));

    protected override void PreStart()
    {
        Offer();
        var self = Self;
        var period = _corridor.AdviceValidFor / 2;
        _timer = _time.CreateTimer(_ => self.Tell(Refresh.Instance), null, period, period);
    }

    protected override void PostStop() => _timer?.Dispose();

    private double CommonCycle() => GreenWave.CommonCycle(_preferred.Values, _corridor.MinCycleSeconds, _corridor.MaxCycleSeconds);

    private void Offer()
    {
        var cycle = CommonCycle();
        var offsets = GreenWave.Offsets(_corridor.Members.Select(m => m.PositionMeters).ToList(), _corridor.ProgressionSpeedMetersPerSecond, cycle);
        var validUntil = _time.GetUtcNow() + _corridor.AdviceValidFor;
        for (var i = 0; i < _corridor.Members.Count; i++)
        {
            var member = _corridor.Members[i];
            member.Coordinator.Tell(new CorridorAdviceOffer(member.IntersectionId, new CorridorAdvice(_corridor.Id, cycle, offsets[i], member.CoordinatedPhaseId), validUntil));
        }

        _log.Info("Corridor {0}: cycle {1:F0} s, offsets {2}", _corridor.Id, cycle, string.Join(", ", offsets.Select(o => o.ToString("F0", System.Globalization.CultureInfo.InvariantCulture))));
    }

    private sealed class Refresh
    {
        public static readonly Refresh Instance = new();
    }
}
