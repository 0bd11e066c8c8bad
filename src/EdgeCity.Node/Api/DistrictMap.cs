namespace EdgeCity.Node.Api;

/// <summary>
/// The district drawn on the dashboard: roads and intersections with their approaches, in metres (y up), and the site's
/// time zone (an IANA name; "UTC" when the site names none) that the pages show times in.
/// </summary>
public sealed record DistrictMap(string Site, double MinX, double MinY, double MaxX, double MaxY, IReadOnlyList<IReadOnlyList<double[]>> Roads, IReadOnlyList<MapIntersection> Intersections)
{
    public string TimeZone { get; init; } = "UTC";
}
