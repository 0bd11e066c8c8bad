namespace EdgeCity.Actors.Cluster.Contracts;

/// <summary>Green-wave advice from the corridor coordinator: a common cycle and an offset per intersection, valid for a while.</summary>
/// <remarks>Advice only: each intersection's own coordinator decides and validates its plan; expired advice is ignored.</remarks>
/// <param name="CorridorId">Corridor id.</param>
/// <param name="CycleSeconds">Common cycle length in seconds.</param>
/// <param name="OffsetSeconds">Per intersection id, the start of its coordinated phase relative to the corridor's cycle start, in seconds.</param>
/// <param name="IssuedAt">When the coordinator issued the advice.</param>
/// <param name="ValidUntil">After this instant the advice must not be applied.</param>
public sealed record CorridorAdvice(
    string CorridorId,
    double CycleSeconds,
    IReadOnlyDictionary<string, double> OffsetSeconds,
    DateTimeOffset IssuedAt,
    DateTimeOffset ValidUntil) : IClusterContract;
