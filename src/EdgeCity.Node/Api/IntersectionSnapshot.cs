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
    IReadOnlyList<AuditEntry> Audit);
