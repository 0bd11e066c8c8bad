namespace EdgeCity.Node.Api;

/// <summary>
/// An intersection on the map: its centre, each approach as a line ending at the stop line, and its phases in program
/// order with their names (the dashboard's legend gives each its colour by that order).
/// </summary>
public sealed record MapIntersection(string Id, string? Name, double X, double Y, IReadOnlyList<MapApproach> Approaches, IReadOnlyList<MapPhase> Phases);
