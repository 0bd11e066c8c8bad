namespace EdgeCity.Node.Api;

/// <summary>An intersection on the map: its centre and each approach as a line ending at the stop line.</summary>
public sealed record MapIntersection(string Id, string? Name, double X, double Y, IReadOnlyList<MapApproach> Approaches);
