using EdgeCity.Domain.Signals;

namespace EdgeCity.Domain.Control;

/// <summary>
/// The safety shield of one intersection. It takes a controller's decision every tick and emits only safe signal
/// states: no two conflicting greens (foes share green only when one is permissive and yields), every green ends
/// through its full yellow (flashing don't walk for pedestrians) and all-red before a conflicting green starts, and
/// every phase is served between its minimum and maximum green. Each refused decision is reported as a violation.
/// </summary>
public sealed class PlanValidator
{
    private const double Epsilon = 1e-9;

    private readonly SignalTimings _timings;
    private readonly IntersectionSignalModel _model;
    private readonly MovementClock[] _clocks;
    private readonly Dictionary<string, MovementClock> _byId;
    private int _active;
    private int _target;
    private bool _inTransition;
    private double _servingSince;
    private double _now;
    private readonly HashSet<string> _reported = [];
    private SignalState _state;

    /// <summary>Starts in all-red (each movement clearing as if it had just ended) moving to the first phase.</summary>
    public PlanValidator(SignalTimings timings, double startTimeSeconds, string? initialPhaseId = null)
        : this(timings, startTimeSeconds, initialPhaseId, adopt: false)
    {
    }

    private PlanValidator(SignalTimings timings, double startTimeSeconds, string? initialPhaseId, bool adopt)
    {
        _timings = timings;
        _model = timings.Model;
        _clocks = _model.Movements.Select(m => new MovementClock(m.Id, startTimeSeconds - timings.ClearanceSeconds(m.Id))).ToArray();
        _byId = _clocks.ToDictionary(c => c.Id);
        _now = startTimeSeconds;
        _active = initialPhaseId is null ? 0 : timings.PhaseIndex.TryGetValue(initialPhaseId, out var i) ? i
            : throw new ArgumentException($"unknown initial phase '{initialPhaseId}' at '{_model.IntersectionId}'", nameof(initialPhaseId));
        _target = _active;
        _inTransition = true;
        if (adopt)
        {
            var phase = _model.Phases[_active];
            foreach (var clock in _clocks.Where(c => phase.IsGreen(c.Id)))
            {
                clock.Shows = clock.LastGreen = phase.ProtectedGreens.Contains(clock.Id) ? SignalIndication.Green : SignalIndication.PermissiveGreen;
                clock.GreenStarted = startTimeSeconds;
            }
        }

        Advance(startTimeSeconds);
        _state = Snapshot();
    }

    /// <summary>
    /// Takes over a signal that already shows <paramref name="phaseId"/> (a running SUMO program, a cabinet handing
    /// over): that phase is served from now, so control starts without cutting its greens to red.
    /// </summary>
    public static PlanValidator Adopting(SignalTimings timings, double startTimeSeconds, string phaseId) =>
        new(timings, startTimeSeconds, phaseId ?? throw new ArgumentNullException(nameof(phaseId)), adopt: true);

    public SignalTimings Timings => _timings;

    /// <summary>The state the validator last emitted.</summary>
    public SignalState Current => _state;

    /// <summary>Moves the signal to <paramref name="timeSeconds"/> honouring the decision as far as the rules allow.</summary>
    public ValidatedStep Step(double timeSeconds, SignalDecision decision)
    {
        if (timeSeconds < _now)
        {
            throw new ArgumentOutOfRangeException(nameof(timeSeconds), $"time went backwards: {timeSeconds} < {_now}");
        }

        _now = timeSeconds;
        var violations = new List<ValidatorViolation>();
        var wanted = ResolveTarget(decision, violations);

        if (!_inTransition)
        {
            var phase = _model.Phases[_active];
            var green = timeSeconds - _servingSince;
            if (wanted != _active && green + Epsilon < _timings.MinGreenSeconds(phase))
            {
                Report(violations, ValidatorRule.MinGreen, $"min:{_servingSince}:{wanted}",
                    $"phase {phase.Id} green {green:F1} s < min {_timings.MinGreenSeconds(phase):F1} s: switch to {_model.Phases[wanted].Id} deferred");
                wanted = _active;
            }
            else if (wanted == _active && _model.Phases.Count > 1 && green + Epsilon >= _timings.MaxGreenSeconds(phase))
            {
                wanted = (_active + 1) % _model.Phases.Count;
                Report(violations, ValidatorRule.MaxGreen, $"max:{_servingSince}",
                    $"phase {phase.Id} reached max green {_timings.MaxGreenSeconds(phase):F1} s: ended, next {_model.Phases[wanted].Id}");
            }

            if (wanted != _active)
            {
                BeginTransition(wanted);
            }
        }
        else if (wanted != _target)
        {
            Report(violations, ValidatorRule.Clearance, $"redirect:{_target}:{wanted}",
                $"switch to {_model.Phases[wanted].Id} refused while moving to {_model.Phases[_target].Id}: clearances and new greens run to completion");
        }

        if (_inTransition)
        {
            Advance(timeSeconds);
        }

        var next = Snapshot();
        var changed = !next.SameIndications(_state);
        _state = next;
        return new ValidatedStep(next, changed, violations);
    }

    private int ResolveTarget(SignalDecision decision, List<ValidatorViolation> violations)
    {
        if (_timings.PhaseIndex.TryGetValue(decision.TargetPhaseId, out var index))
        {
            return index;
        }

        Report(violations, ValidatorRule.UnknownPhase, $"unknown:{_servingSince}:{decision.TargetPhaseId}",
            $"no phase '{decision.TargetPhaseId}' at {_model.IntersectionId}: holding {_model.Phases[_inTransition ? _target : _active].Id}");
        return _inTransition ? _target : _active;
    }

    private void Report(List<ValidatorViolation> violations, ValidatorRule rule, string key, string detail)
    {
        // A controller restates its wish every tick; one refused wish is one violation, not one per tick.
        if (_reported.Add(key))
        {
            violations.Add(new ValidatorViolation(rule, detail));
        }
    }

    private void BeginTransition(int target)
    {
        _target = target;
        _inTransition = true;
        _reported.Clear();
        var phase = _model.Phases[target];
        foreach (var clock in _clocks)
        {
            if (!clock.Shows.IsGreen())
            {
                continue;
            }

            if (!phase.IsGreen(clock.Id))
            {
                clock.Shows = SignalIndication.Yellow;
                clock.GreenEnded = _now;
            }
            else if (clock.Shows == SignalIndication.Green && phase.PermissiveGreens.Contains(clock.Id) && !phase.ProtectedGreens.Contains(clock.Id))
            {
                // Giving up priority is always safe; taking it (below) waits for the foes to clear.
                clock.Shows = SignalIndication.PermissiveGreen;
                clock.LastGreen = SignalIndication.PermissiveGreen;
            }
        }
    }

    private void Advance(double now)
    {
        foreach (var clock in _clocks)
        {
            // Each stage is shown for at least one tick, even when configured as zero: a green never jumps to red.
            if (clock.Shows == SignalIndication.Yellow && now > clock.GreenEnded
                && now - clock.GreenEnded + Epsilon >= _timings.ClearanceSeconds(clock.Id))
            {
                clock.Shows = SignalIndication.Red;
                clock.RedSince = now;
            }
        }

        var phase = _model.Phases[_target];
        var complete = true;
        foreach (var clock in _clocks)
        {
            if (!phase.IsGreen(clock.Id))
            {
                continue;
            }

            var wanted = phase.ProtectedGreens.Contains(clock.Id) ? SignalIndication.Green : SignalIndication.PermissiveGreen;
            if (clock.Shows == wanted)
            {
                continue;
            }

            if (CanShow(clock, wanted, now))
            {
                if (!clock.Shows.IsGreen())
                {
                    clock.GreenStarted = now;
                }

                clock.Shows = wanted;
                clock.LastGreen = wanted;
            }
            else
            {
                complete = false;
            }
        }

        if (complete)
        {
            _inTransition = false;
            _active = _target;
            _servingSince = now;
            _reported.Clear();
        }
    }

    private bool CanShow(MovementClock clock, SignalIndication wanted, double now)
    {
        if (clock.Shows == SignalIndication.Yellow)
        {
            return false;
        }

        if (clock.Shows == SignalIndication.Red
            && (now <= clock.RedSince || now - clock.GreenEnded + Epsilon < _timings.IntergreenSeconds(clock.Id)))
        {
            return false;
        }

        foreach (var foeId in _model.Conflicts.FoesOf(clock.Id))
        {
            if (!_byId.TryGetValue(foeId, out var foe))
            {
                continue;
            }

            // Cleared for this movement: the foe's green ended at least the pair's intergreen ago (a programme may let
            // a foe start while the clearing movement still shows yellow).
            var cleared = !foe.Shows.IsGreen() && now > foe.GreenEnded && now - foe.GreenEnded + Epsilon >= _timings.IntergreenSeconds(foe.Id, clock.Id);
            if (cleared)
            {
                continue;
            }

            var foeShows = foe.Shows.IsGreen() ? foe.Shows : foe.LastGreen;
            if (!GreenCompatibility.Compatible(_model, clock.Id, wanted, foe.Id, foeShows))
            {
                return false;
            }
        }

        return true;
    }

    private SignalState Snapshot() => new(
        _now,
        _clocks.ToDictionary(c => c.Id, c => c.Shows),
        _model.Phases[_inTransition ? _target : _active].Id,
        _inTransition,
        _inTransition ? 0.0 : _now - _servingSince);

    private sealed class MovementClock(string id, double greenEnded)
    {
        public string Id { get; } = id;

        public SignalIndication Shows { get; set; } = SignalIndication.Red;

        /// <summary>The green it showed last (what its clearing traffic still claims).</summary>
        public SignalIndication LastGreen { get; set; } = SignalIndication.Green;

        public double GreenStarted { get; set; } = double.NegativeInfinity;

        public double GreenEnded { get; set; } = greenEnded;

        public double RedSince { get; set; } = double.NegativeInfinity;
    }
}
