namespace EdgeCity.Domain.Control;

/// <summary>
/// An independent witness of the signal rules: it watches the sequence of states an intersection shows and reports
/// every broken rule. It shares no logic with <see cref="PlanValidator"/>, so tests and simulation runs use it to
/// prove the validator right, and a run fails loudly when it finds anything.
/// </summary>
public sealed class SignalRuleMonitor
{
    private const double Epsilon = 1e-6;

    private readonly SignalTimings _timings;
    private readonly Dictionary<string, Track> _tracks;
    private readonly List<ValidatorViolation> _found = [];
    private readonly double _maxGreenSlack;
    private string? _shownPhase;
    private double _shownSince;

    /// <param name="timings">The rules.</param>
    /// <param name="startTimeSeconds">When the signal came on: every movement counts as having just ended a green.</param>
    /// <param name="tickSeconds">The step between observed states (a phase can only end on a tick).</param>
    public SignalRuleMonitor(SignalTimings timings, double startTimeSeconds, double tickSeconds)
    {
        _timings = timings;
        _tracks = timings.Model.Movements.ToDictionary(
            m => m.Id,
            m => new Track { GreenEnded = startTimeSeconds - timings.ClearanceSeconds(m.Id) });

        // A phase's full green set may outlast its max by the next transition's wait for foes to clear.
        _maxGreenSlack = tickSeconds + timings.Model.Movements.Select(m => timings.IntergreenSeconds(m.Id)).DefaultIfEmpty(0).Max();
    }

    public IReadOnlyList<ValidatorViolation> Violations => _found;

    /// <summary>Starts from a state the signal already shows (a taken-over signal) without judging how it got there.</summary>
    public void Adopt(SignalState state)
    {
        foreach (var (id, shows) in state.Indications)
        {
            var track = _tracks[id];
            track.Shows = shows;
            if (shows.IsGreen())
            {
                track.LastGreen = shows;
                track.GreenStarted = state.TimeSeconds;
            }
        }

        CheckMaxGreen(state, state.TimeSeconds);
    }

    public void Observe(SignalState state)
    {
        var t = state.TimeSeconds;
        var model = _timings.Model;
        var greens = state.Indications.Where(kv => kv.Value.IsGreen()).ToArray();
        for (var i = 0; i < greens.Length; i++)
        {
            for (var j = i + 1; j < greens.Length; j++)
            {
                if (!GreenCompatibility.Compatible(model, greens[i].Key, greens[i].Value, greens[j].Key, greens[j].Value))
                {
                    Fail(ValidatorRule.ConflictingGreen, t, $"{greens[i].Key} ({greens[i].Value}) and {greens[j].Key} ({greens[j].Value}) green together");
                }
            }
        }

        foreach (var (id, shows) in state.Indications)
        {
            var track = _tracks[id];
            var was = track.Shows;
            if (was == shows)
            {
                continue;
            }

            if (was.IsGreen() && shows == SignalIndication.Red)
            {
                Fail(ValidatorRule.Clearance, t, $"{id} went from green to red without yellow");
            }

            if (was == SignalIndication.Yellow && shows.IsGreen())
            {
                Fail(ValidatorRule.Clearance, t, $"{id} went from yellow back to green");
            }

            if (was == SignalIndication.Yellow && t - track.GreenEnded + Epsilon < _timings.ClearanceSeconds(id))
            {
                Fail(ValidatorRule.Clearance, t, $"{id} yellow lasted {t - track.GreenEnded:F2} s < {_timings.ClearanceSeconds(id):F2} s");
            }

            if (was.IsGreen() && !shows.IsGreen())
            {
                track.GreenEnded = t;
                var least = model.Phases.Where(p => p.IsGreen(id)).Select(_timings.MinGreenSeconds).DefaultIfEmpty(0).Min();
                if (t - track.GreenStarted + Epsilon < least)
                {
                    Fail(ValidatorRule.MinGreen, t, $"{id} green lasted {t - track.GreenStarted:F2} s < min {least:F2} s");
                }
            }

            if (shows.IsGreen() && (!was.IsGreen() || shows == SignalIndication.Green))
            {
                if (!was.IsGreen())
                {
                    track.GreenStarted = t;
                    if (t - track.GreenEnded + Epsilon < _timings.IntergreenSeconds(id))
                    {
                        Fail(ValidatorRule.Clearance, t, $"{id} green again {t - track.GreenEnded:F2} s after its own green ended");
                    }
                }

                foreach (var foe in model.Conflicts.FoesOf(id))
                {
                    var f = _tracks[foe];
                    var clearing = !state.Indications[foe].IsGreen() && t - f.GreenEnded + Epsilon < _timings.IntergreenSeconds(foe, id);
                    if (clearing && !GreenCompatibility.Compatible(model, id, shows, foe, f.LastGreen))
                    {
                        Fail(ValidatorRule.Clearance, t, $"{id} took {shows} {t - f.GreenEnded:F2} s after foe {foe} ended, intergreen {_timings.IntergreenSeconds(foe, id):F2} s");
                    }
                }
            }

            track.Shows = shows;
            if (shows.IsGreen())
            {
                track.LastGreen = shows;
            }
        }

        CheckMaxGreen(state, t);
    }

    private void CheckMaxGreen(SignalState state, double t)
    {
        var shown = _timings.Model.Phases.FirstOrDefault(p =>
            state.Indications.All(kv => kv.Value.IsGreen() == p.IsGreen(kv.Key)
                && (!kv.Value.IsGreen() || (kv.Value == SignalIndication.Green) == p.ProtectedGreens.Contains(kv.Key))));
        var id = shown?.Id;
        if (id != _shownPhase)
        {
            _shownPhase = id;
            _shownSince = t;
        }
        else if (shown is not null && _timings.Model.Phases.Count > 1
            && t - _shownSince > _timings.MaxGreenSeconds(shown) + _maxGreenSlack + Epsilon)
        {
            Fail(ValidatorRule.MaxGreen, t, $"phase {id} shown {t - _shownSince:F2} s > max {_timings.MaxGreenSeconds(shown):F2} s");
            _shownSince = t;
        }
    }

    private void Fail(ValidatorRule rule, double t, string detail) => _found.Add(new ValidatorViolation(rule, $"t={t:F2}: {detail}"));

    private sealed class Track
    {
        public SignalIndication Shows { get; set; } = SignalIndication.Red;

        public SignalIndication LastGreen { get; set; } = SignalIndication.Green;

        public double GreenStarted { get; set; } = double.NegativeInfinity;

        public double GreenEnded { get; set; }
    }
}
