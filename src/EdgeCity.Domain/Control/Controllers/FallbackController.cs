namespace EdgeCity.Domain.Control.Controllers;

/// <summary>
/// Wraps the configured controller with the stale-data policy: while every movement's data is fresh the configured
/// controller decides; when some are stale, actuated control decides with the stale ones on recall (called every
/// cycle, served their default green), so fresh approaches stay responsive; when all are stale, fixed time.
/// Switching between them is safe at any tick because every decision still passes the validator.
/// </summary>
public sealed class FallbackController(ISignalController primary, SignalTimings timings) : ISignalController
{
    private readonly ActuatedController _actuated = primary as ActuatedController ?? new ActuatedController(timings);
    private readonly FixedTimeController _fixed = primary as FixedTimeController ?? new FixedTimeController(timings);

    public string Name => primary.Name;

    public ISignalController Primary => primary;

    /// <summary>The mode of the last decision.</summary>
    public FallbackMode Mode { get; private set; }

    /// <summary>The movements whose data was stale at the last decision.</summary>
    public IReadOnlyList<string> StaleMovements { get; private set; } = [];

    public SignalDecision Decide(ControllerInput input)
    {
        var stale = timings.Model.Movements.Select(m => m.Id).Where(m => input.Of(m).Stale).ToList();
        StaleMovements = stale;
        if (stale.Count == 0)
        {
            Mode = FallbackMode.None;
            return primary.Decide(input);
        }

        if (stale.Count == timings.Model.Movements.Count)
        {
            Mode = FallbackMode.FixedTime;
            var d = _fixed.Decide(input);
            return d with { Reason = $"fallback fixed time (all data stale): {d.Reason}" };
        }

        Mode = FallbackMode.RecallStaleApproaches;
        var decision = _actuated.Decide(input, stale.ToHashSet());
        return decision with { Reason = $"fallback actuated, recall on stale {string.Join(",", stale)}: {decision.Reason}" };
    }
}
