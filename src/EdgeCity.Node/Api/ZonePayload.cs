namespace EdgeCity.Node.Api;

/// <summary>A lane zone in image pixels: a polygon of <c>[x, y]</c> points and, optionally, its stop-line edge (defaults to the polygon's first edge).</summary>
public sealed record ZonePayload(string? Id, string? Approach, string? Lane, double[][]? Polygon, double[][]? StopLine);
