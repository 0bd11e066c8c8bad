namespace EdgeCity.Actors.Signals;

/// <summary>The cycle an intersection would run on its own, reported to its corridor.</summary>
public sealed record PreferredCycle(string IntersectionId, double CycleSeconds);
