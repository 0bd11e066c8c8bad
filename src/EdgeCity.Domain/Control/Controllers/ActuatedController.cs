using EdgeCity.Domain.Signals;

namespace EdgeCity.Domain.Control.Controllers;

/// <summary>
/// Fully actuated control: a phase is served when called (presence or queue), held at least its minimum, extended
/// while its detectors see vehicles less than the passage time apart, and ended by gap-out or max-out. Movements on
/// recall are called every cycle and hold their phase for its default green (what a stale detector falls back to).
/// </summary>
public sealed class ActuatedController(SignalTimings timings, ActuatedSettings? settings = null) : ISignalController
{
    private const double Epsilon = 1e-6;

    private readonly IntersectionSignalModel _model = timings.Model;
    private readonly Dictionary<string, double> _lastActuation = [];

    public string Name => "actuated";

    public ActuatedSettings Settings { get; } = settings ?? new ActuatedSettings();

    public SignalDecision Decide(ControllerInput input) => Decide(input, Settings.Recall);

    /// <summary>Decides with an explicit recall set (the fallback puts movements with stale data on recall).</summary>
    public SignalDecision Decide(ControllerInput input, IReadOnlySet<string> recall)
    {
        var t = input.TimeSeconds;
        foreach (var m in _model.Movements)
        {
            var o = input.Of(m.Id);
            if (!o.Stale && (o.Presence || o.QueueVehicles > 0 || o.Approaching.Any(v => v.EtaSeconds <= Settings.PassageSeconds)))
            {
                _lastActuation[m.Id] = t;
            }
        }

        var signal = input.Signal;
        if (signal.InTransition)
        {
            return new SignalDecision(signal.ActivePhaseId, "actuated: transition in progress");
        }

        var phase = _model.Phases[timings.PhaseIndex[signal.ActivePhaseId]];
        var green = input.GreenSeconds;
        if (green + Epsilon < timings.MinGreenSeconds(phase))
        {
            return new SignalDecision(phase.Id, "actuated: min green");
        }

        if (green + Epsilon >= timings.MaxGreenSeconds(phase))
        {
            var next = NextCalled(input, phase, recall) ?? PhaseCycle.Next(_model, phase.Id);
            return new SignalDecision(next.Id, $"actuated: max-out after {green:F1} s");
        }

        var recalled = phase.Greens.Where(recall.Contains).ToList();
        if (recalled.Count > 0 && green + Epsilon < phase.DefaultGreenSeconds)
        {
            return new SignalDecision(phase.Id, $"actuated: recall of {string.Join(",", recalled)} holds default green");
        }

        var extending = phase.Greens.FirstOrDefault(m => !recall.Contains(m)
            && _lastActuation.TryGetValue(m, out var last) && t - last < Settings.PassageSeconds);
        if (extending is not null)
        {
            return new SignalDecision(phase.Id, $"actuated: extended by {extending}");
        }

        var called = NextCalled(input, phase, recall);
        return called is null
            ? new SignalDecision(phase.Id, "actuated: gap, no conflicting call (rest in green)")
            : new SignalDecision(called.Id, $"actuated: gap-out after {green:F1} s, call on {called.Id}");
    }

    /// <summary>
    /// The next phase in programme order with a call: on a movement the current phase does not serve, or, for a phase
    /// that keeps every current green and adds to it (a programme's stage in two steps: RiLSA example 3 runs the east
    /// through and right first, then adds the left turn), on any of its movements. Without the second rule the bridge
    /// step was never called (its only new movement often had no call of its own) and the east through got its 2 s
    /// bridge step a cycle instead of its 15 s stage.
    /// </summary>
    private Phase? NextCalled(ControllerInput input, Phase current, IReadOnlySet<string> recall) =>
        PhaseCycle.After(_model, current.Id).FirstOrDefault(p => p.Id != current.Id
            && p.Greens.Any(m => (!current.IsGreen(m) || Continues(current, p)) && (recall.Contains(m) || (!input.Of(m).Stale && input.Of(m).HasCall))));

    private static bool Continues(Phase current, Phase next) =>
        current.Greens.All(next.IsGreen)
        && (next.Greens.Count() > current.Greens.Count() || next.ProtectedGreens.Count > current.ProtectedGreens.Count);
}
