using EdgeCity.Domain.Control;

namespace EdgeCity.Domain.Tests.Control;

/// <summary>Drives a controller through the validator with scripted observations and records what the signal did.</summary>
internal static class ControllerRun
{
    public static List<SignalState> Drive(
        SignalTimings timings,
        ISignalController controller,
        Func<double, SignalState, IReadOnlyDictionary<string, MovementObservation>> observe,
        double seconds,
        double tick = 0.1,
        CorridorAdvice? advice = null)
    {
        var validator = new PlanValidator(timings, 0.0);
        var states = new List<SignalState>();
        for (var i = 1; i * tick <= seconds + 1e-9; i++)
        {
            var t = Math.Round(i * tick, 6);
            var decision = controller.Decide(new ControllerInput(t, validator.Current, observe(t, validator.Current), advice));
            states.Add(validator.Step(t, decision).State);
        }

        return states;
    }

    /// <summary>(phase, start time, served seconds) of each phase service, in order.</summary>
    public static List<(string Phase, double Start, double Served)> Services(List<SignalState> states)
    {
        var services = new List<(string, double, double)>();
        for (var i = 0; i < states.Count; i++)
        {
            var s = states[i];
            if (s.InTransition || (i > 0 && !states[i - 1].InTransition && states[i - 1].ActivePhaseId == s.ActivePhaseId))
            {
                continue;
            }

            var end = states.Skip(i).FirstOrDefault(x => x.InTransition || x.ActivePhaseId != s.ActivePhaseId) ?? states[^1];
            services.Add((s.ActivePhaseId, s.TimeSeconds, end.TimeSeconds - s.TimeSeconds));
        }

        return services;
    }
}
