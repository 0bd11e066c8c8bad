using OpenCvSharp;

namespace EdgeCity.Simulation.Twin;

/// <summary>A shadow on the road: ground points (metres) projected and filled as one convex shape, in one shade.</summary>
internal static class GroundShadow
{
    private static readonly Scalar Shade = new(45, 46, 48);

    /// <summary>Fills the hull of <paramref name="ground"/>; draws nothing when any point falls behind the camera.</summary>
    public static void Fill(Mat frame, CameraModel camera, IReadOnlyList<(double X, double Y)> ground)
    {
        var points = new Point[ground.Count];
        for (var i = 0; i < ground.Count; i++)
        {
            if (camera.Project(ground[i].X, ground[i].Y, 0) is not { } q)
            {
                return;
            }

            points[i] = new Point((int)Math.Round(q.U), (int)Math.Round(q.V));
        }

        Cv2.FillConvexPoly(frame, Cv2.ConvexHull(points), Shade, LineTypes.AntiAlias);
    }
}
