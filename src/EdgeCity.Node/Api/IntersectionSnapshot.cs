namespace EdgeCity.Node.Api;

/// <summary>An intersection as the API and dashboard show it.</summary>
public sealed record IntersectionSnapshot(
    string Id,
    string? Name,
    string Controller,
    string Fallback,
    string? Phase,
    bool InTransition,
    DateTimeOffset? SignalAt,
    string? Reason,
    IReadOnlyDictionary<string, string> Indications,
    IReadOnlyList<string> StaleMovements,
    IReadOnlyList<ApproachSnapshot> Approaches,
    IReadOnlyList<PhaseSegment> Timeline,
    IReadOnlyList<AuditEntry> Audit)
{
    /// <summary>What the running phase serves, from the signal model ("N, S · W left"); null when the model is not known here.</summary>
    public string? PhaseName { get; init; }

    /// <summary>Why the signal head is failing, while it is (this node's intersections only).</summary>
    public string? HeadFault { get; init; }

    /// <summary>Why the supervisor handed the intersection back to actuated control, while it is.</summary>
    public string? HandedBack { get; init; }

    /// <summary>The corridor advice in force (corridor, common cycle, coordinated phase); null when the intersection runs on its own.</summary>
    public CorridorShown? Corridor { get; init; }
}
