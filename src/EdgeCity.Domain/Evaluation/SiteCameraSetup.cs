using EdgeCity.Domain.Calibration;
using EdgeCity.Domain.Counting;
using EdgeCity.Domain.Geometry;
using EdgeCity.Domain.Measurements;
using EdgeCity.Domain.Sites;
using EdgeCity.Domain.Zones;

namespace EdgeCity.Domain.Evaluation;

/// <summary>
/// Turns one camera of a site file into the analytics setup the node runs: its count lines, lane zones and calibration.
/// A site line counts "in" from its right-hand side to its left-hand side (walking From → To); the analytics line runs
/// To → From, so that "in" is <see cref="CrossingDirection.Forward"/> and "out" is <see cref="CrossingDirection.Backward"/>.
/// </summary>
public static class SiteCameraSetup
{
    /// <summary>The analytics line of a site count line (To → From: site "in" is Forward).</summary>
    public static CountLine LineOf(CountLineDefinition line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new CountLine(line.Id, line.Approach, new Point2(line.To[0], line.To[1]), new Point2(line.From[0], line.From[1]))
        {
            Anchor = CountLineAnchors.TryParse(line.Anchor, out var anchor) ? anchor : throw new ArgumentException($"count line '{line.Id}': unknown anchor '{line.Anchor}'"),
        };
    }

    /// <summary>The camera's setup; throws <see cref="ArgumentException"/> naming the camera, line or zone that is wrong.</summary>
    /// <param name="site">A site file.</param>
    /// <param name="cameraId">The camera.</param>
    /// <param name="stopLineOf">The stop line of a zone's lane in image pixels, when known (the twin knows it from the network);
    /// otherwise the edge from the polygon's last point to its first, where generated zones start, is taken.</param>
    public static CameraAnalyticsSetup For(SiteDefinition site, string cameraId, Func<ZoneDefinition, (Point2 Start, Point2 End)?>? stopLineOf = null)
    {
        ArgumentNullException.ThrowIfNull(site);
        var camera = site.Cameras.FirstOrDefault(c => c.Id == cameraId)
            ?? throw new ArgumentException($"site '{site.Name}' has no camera '{cameraId}' (has: {string.Join(", ", site.Cameras.Select(c => c.Id))})");
        var calibration = camera.Calibration switch
        {
            { Homography: { Count: 9 } h } => Homography.FromMatrix(h),
            { Points: { Count: >= 4 } p } => Homography.Estimate(p.Select(x => new PointCorrespondence(new Point2(x.Image[0], x.Image[1]), new Point2(x.Road[0], x.Road[1]))).ToList()),
            { } given => throw new ArgumentException($"camera '{cameraId}': calibration has neither a 9-value homography nor 4 or more points (homography {given.Homography?.Count ?? 0} values, {given.Points?.Count ?? 0} points)"),
            _ when camera.Zones.Count > 0 => throw new ArgumentException($"camera '{cameraId}': lane zones measure queues in metres and need a calibration (a homography or 4+ points); without one the camera can only count"),
            _ => (Homography?)null,
        };
        var lines = camera.CountLines.Select(LineOf).ToList();
        var zones = camera.Zones.Select(z =>
        {
            var polygon = z.Polygon.Select(p => new Point2(p[0], p[1])).ToList();
            var (start, end) = stopLineOf?.Invoke(z) ?? (polygon[^1], polygon[0]);
            return new LaneZone(z.Id, camera.Approach, z.Lane, polygon, start, end);
        }).ToList();
        foreach (var l in lines)
        {
            l.Validate();
        }

        foreach (var z in zones)
        {
            z.Validate();
        }

        return new CameraAnalyticsSetup(camera.Intersection, camera.Id, camera.Approach) { Lines = lines, Zones = zones, Calibration = calibration };
    }
}
