using EdgeCity.Domain.Control;

namespace EdgeCity.Actors.Signals;

/// <summary>What a coordinator is doing: the signal it shows, its fallback, and its counters.</summary>
public sealed record IntersectionStatus(
    string IntersectionId,
    string Controller,
    SignalState Signal,
    FallbackMode Fallback,
    IReadOnlyList<string> StaleMovements,
    long Ticks,
    long Decisions,
    long ViolationsPrevented,
    int RuleBreaks,
    CorridorAdvice? Advice)
{
    /// <summary>
    /// Per approach, the latest data its movements got (queue, flow, occupancy: the busiest movement's, since
    /// movements of one approach share lanes), stamped with when it was measured: what the operator view plots.
    /// </summary>
    public IReadOnlyList<ApproachObservation> Approaches { get; init; } = [];

    /// <summary>Why the signal head's last command failed, while it keeps failing; null once one succeeds.</summary>
    public string? HeadFault { get; init; }

    /// <summary>Why the supervisor handed the intersection back to actuated control, while it is; null otherwise.</summary>
    public string? HandedBack { get; init; }
}
