using EdgeCity.Domain.Geometry;
using EdgeCity.Simulation.Network;
using OpenCvSharp;

namespace EdgeCity.Simulation.Twin;

/// <summary>
/// The static part of a camera's picture: grass, asphalt, sidewalks, crossings, junctions and lane markings drawn from the network as a
/// top-down map of the visible ground, then warped into the camera with the ground homography. Rendered once per camera.
/// </summary>
public static class RoadBackground
{
    private static readonly Scalar Grass = new(70, 110, 85);
    private static readonly Scalar Asphalt = new(88, 90, 92);
    private static readonly Scalar JunctionAsphalt = new(82, 84, 86);
    private static readonly Scalar Marking = new(225, 228, 230);
    private static readonly Scalar Sidewalk = new(150, 155, 160);

    /// <param name="network">The SUMO network.</param>
    /// <param name="camera">The camera to render for.</param>
    /// <param name="maxRange">Ground farther than this many metres is left as grass (it is a few pixels anyway).</param>
    public static Mat Render(SumoNetwork network, CameraModel camera, double maxRange = 160)
    {
        var (x0, y0, x1, y1) = VisibleGround(camera, maxRange);
        var extent = Math.Max(x1 - x0, y1 - y0);
        var res = Math.Max(0.04, extent / 3000.0);
        var cols = Math.Max(1, (int)Math.Ceiling((x1 - x0) / res));
        var rows = Math.Max(1, (int)Math.Ceiling((y1 - y0) / res));
        using var map = new Mat(rows, cols, MatType.CV_8UC3, Grass);
        Point ToMap(Point2 p) => new((int)Math.Round((p.X - x0) / res), (int)Math.Round((y1 - p.Y) / res));

        foreach (var junction in network.Junctions.Values.Where(j => j.Shape.Count >= 3 && j.Type != "internal"))
        {
            Cv2.FillPoly(map, [junction.Shape.Select(ToMap).ToArray()], JunctionAsphalt, LineTypes.AntiAlias);
        }

        var normal = network.NormalEdges.ToList();
        foreach (var lane in normal.SelectMany(e => e.Lanes))
        {
            if (lane.Shape.Count < 2)
            {
                continue;
            }

            var polygon = PolylineGeometry.Offset(lane.Shape, lane.Width / 2).Concat(PolylineGeometry.Offset(lane.Shape, -lane.Width / 2).Reverse());
            Cv2.FillPoly(map, [polygon.Select(ToMap).ToArray()], lane.IsSidewalk ? Sidewalk : Asphalt, LineTypes.AntiAlias);
        }

        var px = 1 / res;
        var line = Math.Max(1, (int)Math.Round(0.15 * px));
        // A walking area's lane shape is the outline of the paved corner, not a centre line: filled as it is.
        foreach (var corner in network.Edges.Values.Where(e => e.Function == "walkingarea").SelectMany(e => e.Lanes).Where(l => l.Shape.Count >= 3))
        {
            Cv2.FillPoly(map, [corner.Shape.Select(ToMap).ToArray()], Sidewalk, LineTypes.AntiAlias);
        }

        // A crossing is asphalt with zebra bars across the walking direction (0.5 m bars, 0.5 m apart).
        foreach (var crossing in network.Edges.Values.Where(e => e.Function == "crossing").SelectMany(e => e.Lanes).Where(l => l.Shape.Count >= 2))
        {
            var bar = Math.Max(1, (int)Math.Round(0.5 * px));
            foreach (var dash in PolylineGeometry.Dashes(crossing.Shape, 0.5, 0.5))
            {
                var dir = PolylineGeometry.Direction(dash.A, dash.B);
                var n = new Point2(-dir.Y, dir.X) * (crossing.Width / 2 - 0.2);
                var mid = (dash.A + dash.B) * 0.5;
                Cv2.Line(map, ToMap(mid + n), ToMap(mid - n), Marking, bar, LineTypes.AntiAlias);
            }
        }

        foreach (var edge in normal)
        {
            var drivable = edge.Lanes.Where(l => !l.IsSidewalk && l.Shape.Count >= 2).OrderBy(l => l.Index).ToList();
            for (var k = 0; k < drivable.Count; k++)
            {
                var lane = drivable[k];
                var left = PolylineGeometry.Offset(lane.Shape, lane.Width / 2 - 0.15);
                if (k == drivable.Count - 1)
                {
                    Cv2.Polylines(map, [left.Select(ToMap).ToArray()], false, Marking, line, LineTypes.AntiAlias);
                }
                else
                {
                    foreach (var dash in PolylineGeometry.Dashes(left, 3, 6))
                    {
                        Cv2.Line(map, ToMap(dash.A), ToMap(dash.B), Marking, line, LineTypes.AntiAlias);
                    }
                }

                if (k == 0)
                {
                    Cv2.Polylines(map, [PolylineGeometry.Offset(lane.Shape, -lane.Width / 2 + 0.15).Select(ToMap).ToArray()], false, Marking, line, LineTypes.AntiAlias);
                }

                if (edge.To is { } to && network.Junctions.TryGetValue(to, out var j) && j.IsSignalised)
                {
                    // Stop line across the lane end.
                    var end = lane.Shape[^1];
                    var dir = PolylineGeometry.Direction(lane.Shape[^2], end);
                    var n = new Point2(-dir.Y, dir.X) * (lane.Width / 2);
                    var back = end - (dir * 0.3);
                    Cv2.Line(map, ToMap(back + n), ToMap(back - n), Marking, Math.Max(1, (int)Math.Round(0.4 * px)), LineTypes.AntiAlias);
                }
            }
        }

        var output = new Mat(camera.Height, camera.Width, MatType.CV_8UC3, Grass);
        double[] mapToWorld = [res, 0, x0, 0, -res, y1, 0, 0, 1];
        var h = Multiply(camera.GroundToImage, mapToWorld);
        using var hm = Mat.FromPixelData(3, 3, MatType.CV_64FC1, h);
        Cv2.WarpPerspective(map, output, hm, output.Size(), InterpolationFlags.Area, BorderTypes.Constant, Grass);
        PaintSky(output, camera);
        return output;
    }

    private static void PaintSky(Mat image, CameraModel camera)
    {
        var horizon = camera.HorizonRow;
        if (horizon < 0)
        {
            return;
        }

        // Far ground fades into haze, and the sky above the horizon (where the ground warp would mirror) is painted over.
        var skyRows = Math.Min(image.Rows, (int)Math.Ceiling(horizon) + 2);
        for (var r = 0; r < skyRows; r++)
        {
            var k = r / Math.Max(1.0, horizon);
            Cv2.Rectangle(image, new Rect(0, r, image.Cols, 1), new Scalar(235 - (40 * k), 205 - (30 * k), 170 - (20 * k)), -1);
        }
    }

    private static (double X0, double Y0, double X1, double Y1) VisibleGround(CameraModel camera, double maxRange)
    {
        var pose = camera.Pose;
        var points = new List<Point2> { new(pose.X, pose.Y) };
        var top = camera.TopDown ? 0 : Math.Max(0, camera.HorizonRow + 2);
        for (var i = 0; i <= 8; i++)
        {
            for (var j = 0; j <= 8; j++)
            {
                var pixel = new Point2(camera.Width * i / 8.0, top + ((camera.Height - top) * j / 8.0));
                if (camera.ImageToGround(pixel) is { } g)
                {
                    var d = g - new Point2(pose.X, pose.Y);
                    var len = Math.Sqrt((d.X * d.X) + (d.Y * d.Y));
                    points.Add(len > maxRange ? new Point2(pose.X, pose.Y) + (d * (maxRange / len)) : g);
                }
            }
        }

        const double margin = 5;
        return (points.Min(p => p.X) - margin, points.Min(p => p.Y) - margin, points.Max(p => p.X) + margin, points.Max(p => p.Y) + margin);
    }

    private static double[] Multiply(double[] a, double[] b)
    {
        var r = new double[9];
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                r[(i * 3) + j] = (a[i * 3] * b[j]) + (a[(i * 3) + 1] * b[3 + j]) + (a[(i * 3) + 2] * b[6 + j]);
            }
        }

        return r;
    }
}
