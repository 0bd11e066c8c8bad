namespace EdgeCity.Node.Api;

/// <summary>The district drawn on the dashboard: roads and intersections with their approaches, in metres (y up).</summary>
public sealed record DistrictMap(string Site, double MinX, double MinY, double MaxX, double MaxY, IReadOnlyList<IReadOnlyList<double[]>> Roads, IReadOnlyList<MapIntersection> Intersections);
