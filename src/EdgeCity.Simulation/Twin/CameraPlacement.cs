using EdgeCity.Domain.Geometry;
using EdgeCity.Domain.Sites;
using EdgeCity.Simulation.Network;

namespace EdgeCity.Simulation.Twin;

/// <summary>
/// Puts a simulated camera on a pole beside an approach's stop line, looking upstream at arriving traffic, and derives
/// what a surveyor would measure for it: a count line across the approach, one zone per lane, and the calibration.
/// </summary>
public static class CameraPlacement
{
    /// <summary>Where the count line sits, in metres upstream of the stop line.</summary>
    public const double CountLineDistance = 5;

    public static CameraDefinition ForApproach(
        SumoNetwork network, string cameraId, string intersection, string approach, SumoEdge edge, string source, int width = 640, int height = 360)
    {
        var lanes = edge.Lanes.Where(l => !l.IsSidewalk && l.Shape.Count >= 2).OrderBy(l => l.Index).ToList();
        if (lanes.Count == 0)
        {
            throw new ArgumentException($"edge '{edge.Id}' has no drivable lanes");
        }

        var right = lanes[0];
        var end = right.Shape[^1];
        var dir = PolylineGeometry.Direction(right.Shape[^2], end);
        var rightNormal = new Point2(dir.Y, -dir.X);
        var roadHalf = lanes.Sum(l => l.Width) / 2;
        var centreEnd = Centre(lanes, 0);
        // Pole on the far side, 12 m past the stop line and 3 m right of the approach's kerb line, looking back up the
        // approach: the stop line sits near the bottom of the picture and the queue runs up it.
        var pole = centreEnd + (dir * 12) + (rightNormal * (roadHalf + 3));
        var look = centreEnd - (dir * 45) - pole;
        var heading = (Math.Atan2(look.X, look.Y) * 180 / Math.PI + 360) % 360;
        var pose = new CameraPoseDefinition { X = Math.Round(pole.X, 2), Y = Math.Round(pole.Y, 2), Height = 9, Heading = Math.Round(heading, 1), Tilt = 24, Fov = 70, ImageWidth = width, ImageHeight = height };
        var camera = new CameraModel(pose);

        var countLines = new List<CountLineDefinition>();
        var across = (
            A: LanePoint(lanes[0], CountLineDistance, -lanes[0].Width / 2),
            B: LanePoint(lanes[^1], CountLineDistance, lanes[^1].Width / 2));
        if (camera.ProjectGround(across.A) is { } pa && camera.ProjectGround(across.B) is { } pb
            && ImageClipping.Segment(pa, pb, width, height) is { } clipped
            && camera.ProjectGround(LanePoint(lanes[0], CountLineDistance + 10, 0)) is { } upstream)
        {
            // Arriving traffic must count "in": upstream must lie on the line's right-hand side.
            var (a, b) = clipped.A.Cross(clipped.B, upstream) > 0 ? clipped : (clipped.B, clipped.A);
            countLines.Add(new CountLineDefinition { Id = $"{approach}-in", Approach = approach, From = [Round(a.X), Round(a.Y)], To = [Round(b.X), Round(b.Y)] });
        }

        var zones = new List<ZoneDefinition>();
        foreach (var lane in lanes)
        {
            var ground = new List<Point2>();
            for (var s = 2.0; s <= 60; s += 4)
            {
                ground.Add(LanePoint(lane, s, -lane.Width / 2));
            }

            for (var s = 60.0; s >= 2; s -= 4)
            {
                ground.Add(LanePoint(lane, s, lane.Width / 2));
            }

            var image = ground.Select(camera.ProjectGround).ToList();
            if (image.Any(p => p is null))
            {
                continue;
            }

            var polygon = ImageClipping.Polygon(image.Select(p => p!.Value).ToList(), width, height);
            if (polygon.Count >= 3)
            {
                zones.Add(new ZoneDefinition { Id = $"{approach}-lane{lane.Index}", Lane = lane.Id, Polygon = polygon.Select(p => (IReadOnlyList<double>)[Round(p.X), Round(p.Y)]).ToList() });
            }
        }

        return new CameraDefinition
        {
            Id = cameraId,
            Source = source,
            Intersection = intersection,
            Approach = approach,
            Model = DefaultDetectors.Twin, // a twin camera sees rendered frames
            MaxFps = 10,
            Pose = pose,
            Calibration = new CalibrationDefinition { Homography = camera.ImageToGroundHomography().Select(v => Math.Round(v, 9)).ToList() },
            CountLines = countLines,
            Zones = zones,
        };
    }

    /// <summary>A point <paramref name="upstream"/> metres before the lane's end, moved <paramref name="sideways"/> metres to the left.</summary>
    public static Point2 LanePoint(SumoLane lane, double upstream, double sideways)
    {
        var remaining = upstream;
        for (var i = lane.Shape.Count - 1; i > 0; i--)
        {
            var a = lane.Shape[i - 1];
            var b = lane.Shape[i];
            var len = a.DistanceTo(b);
            var dir = PolylineGeometry.Direction(a, b);
            if (remaining <= len || i == 1)
            {
                var p = b - (dir * remaining);
                return p + (new Point2(-dir.Y, dir.X) * sideways);
            }

            remaining -= len;
        }

        return lane.Shape[0];
    }

    private static Point2 Centre(List<SumoLane> lanes, double upstream)
    {
        var l = LanePoint(lanes[0], upstream, -lanes[0].Width / 2);
        var r = LanePoint(lanes[^1], upstream, lanes[^1].Width / 2);
        return (l + r) * 0.5;
    }

    private static double Round(double v) => Math.Round(v, 1);
}
