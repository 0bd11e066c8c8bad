using EdgeCity.Domain.Signals;

namespace EdgeCity.Domain.Control.Controllers;

/// <summary>
/// Fixed time on a clock: each phase gets its default green, in program order, and the plan is positioned by the
/// cycle time since the controller's origin (the first phase's green starts at each multiple of the cycle, as the
/// programme's own) — or by a corridor's common cycle and offset (the coordinated phase's green starts at the offset)
/// when one is advised, the greens then scaled to fill that cycle.
/// </summary>
public sealed class FixedTimeController(SignalTimings timings) : ISignalController
{
    private readonly IntersectionSignalModel _model = timings.Model;

    public string Name => "fixed";

    /// <summary>The cycle of the program's own default greens plus its transitions.</summary>
    public double NaturalCycleSeconds => Windows(null).Sum(w => w.Length);

    public SignalDecision Decide(ControllerInput input)
    {
        if (input.Signal.InTransition)
        {
            return new SignalDecision(input.Signal.ActivePhaseId, "fixed: transition in progress");
        }

        var windows = Windows(input.Advice);
        var cycle = windows.Sum(w => w.Length);
        var offset = input.Advice?.OffsetSeconds ?? 0.0;
        var coordinated = input.Advice?.CoordinatedPhaseId is { } c && timings.PhaseIndex.TryGetValue(c, out var ci) ? ci : 0;
        // Cycle position 0 is where the coordinated phase's green starts, as in a programme (its first step is a green,
        // its yellows end the steps before the next green) and as a corridor's offset says: the transition into that
        // phase lies just before it, so a box keeping a programme's clock stays in step with lights still running it.
        var origin = windows.Take(coordinated + 1).Sum(w => w.Length) - windows[coordinated].Green;
        var position = Mod(input.TimeSeconds - offset + origin, cycle);
        foreach (var w in windows)
        {
            if (position < w.Length)
            {
                return new SignalDecision(w.Phase.Id, $"fixed: cycle {cycle:F0} s at {position:F1} s");
            }

            position -= w.Length;
        }

        return new SignalDecision(windows[^1].Phase.Id, "fixed: end of cycle");
    }

    private List<(Phase Phase, double Length, double Green)> Windows(CorridorAdvice? advice)
    {
        var n = _model.Phases.Count;
        var greens = _model.Phases.Select(timings.ProgrammeGreenSeconds).ToArray();
        var transitions = _model.Phases.Select((p, i) => timings.TransitionSeconds(p, _model.Phases[(i + 1) % n])).ToArray();
        if (advice is { CycleSeconds: > 0 })
        {
            var available = advice.CycleSeconds - transitions.Sum();
            var scale = greens.Sum() > 0 ? available / greens.Sum() : 1.0;
            greens = greens.Select((g, i) => Math.Clamp(g * scale, timings.MinGreenSeconds(_model.Phases[i]), timings.MaxGreenSeconds(_model.Phases[i]))).ToArray();
        }

        // A window opens with the transition into its phase (the validator runs it first), then the phase's green.
        return _model.Phases.Select((p, i) => (p, transitions[(i + n - 1) % n] + greens[i], greens[i])).ToList();
    }

    private static double Mod(double x, double m) => ((x % m) + m) % m;
}
