namespace EdgeCity.Node.Api;

/// <summary>Green-wave advice an intersection follows, as the operator sees it: which corridor, its common cycle (s), and the phase the wave runs in.</summary>
public sealed record CorridorShown(string Id, double CycleSeconds, string? Phase);
