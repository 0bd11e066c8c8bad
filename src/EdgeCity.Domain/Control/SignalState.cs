namespace EdgeCity.Domain.Control;

/// <summary>
/// What an intersection's signals show at one instant: every movement's indication, the phase being served (or
/// being moved to) and how long it has been served. Produced only by <see cref="PlanValidator"/>.
/// </summary>
public sealed record SignalState(
    double TimeSeconds,
    IReadOnlyDictionary<string, SignalIndication> Indications,
    string ActivePhaseId,
    bool InTransition,
    double PhaseGreenSeconds)
{
    public SignalIndication this[string movementId] => Indications[movementId];

    /// <summary>True when both states show the same indications (time and counters aside).</summary>
    public bool SameIndications(SignalState other) =>
        ActivePhaseId == other.ActivePhaseId && InTransition == other.InTransition
        && Indications.Count == other.Indications.Count
        && Indications.All(kv => other.Indications.TryGetValue(kv.Key, out var o) && o == kv.Value);
}
