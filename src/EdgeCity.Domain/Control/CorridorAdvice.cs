namespace EdgeCity.Domain.Control;

/// <summary>
/// Advice from a corridor: a common cycle and this intersection's offset (the time in the cycle its coordinated
/// phase should start). Controllers may take it; nothing depends on it arriving.
/// </summary>
public sealed record CorridorAdvice(string CorridorId, double CycleSeconds, double OffsetSeconds, string? CoordinatedPhaseId);
