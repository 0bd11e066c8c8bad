using EdgeCity.Domain.Geometry;
using EdgeCity.Domain.Sites;

namespace EdgeCity.Simulation.Twin;

/// <summary>
/// A pinhole camera on a pole (or an orthographic top-down view) over SUMO's road plane. World axes are SUMO's:
/// x east, y north, z up, metres; heading is SUMO's angle (0 = north, clockwise); tilt is degrees below the horizon.
/// </summary>
public sealed class CameraModel
{
    private readonly double _px, _py, _pz;
    private readonly (double X, double Y, double Z) _right, _up, _forward;

    public CameraModel(CameraPoseDefinition pose)
    {
        Pose = pose;
        Width = pose.ImageWidth;
        Height = pose.ImageHeight;
        _px = pose.X;
        _py = pose.Y;
        _pz = pose.Height;
        var h = pose.Heading * Math.PI / 180;
        var t = pose.TopDown ? Math.PI / 2 : pose.Tilt * Math.PI / 180;
        _forward = (Math.Sin(h) * Math.Cos(t), Math.Cos(h) * Math.Cos(t), -Math.Sin(t));
        _right = (Math.Cos(h), -Math.Sin(h), 0);
        // up = right × forward
        _up = (Math.Sin(h) * Math.Sin(t), Math.Cos(h) * Math.Sin(t), Math.Cos(t));
        Focal = pose.TopDown ? 1 / pose.MetersPerPixel : Width / 2.0 / Math.Tan(pose.Fov * Math.PI / 360);
        GroundToImage = BuildGroundToImage(pose.Heading * Math.PI / 180);
    }

    public CameraPoseDefinition Pose { get; }

    public int Width { get; }

    public int Height { get; }

    public bool TopDown => Pose.TopDown;

    /// <summary>Focal length in pixels (pixels per metre for a top-down view).</summary>
    public double Focal { get; }

    /// <summary>Row-major 3×3 homography from the road plane (z = 0) to image pixels.</summary>
    public double[] GroundToImage { get; }

    /// <summary>Image row of the horizon; rows above it see sky (negative infinity for a top-down view).</summary>
    public double HorizonRow => TopDown ? double.NegativeInfinity : (Height / 2.0) - (Focal * Math.Tan(Pose.Tilt * Math.PI / 180));

    /// <summary>Projects a world point to pixels; null when it lies behind the camera or too close to its plane.</summary>
    public (double U, double V, double Depth)? Project(double x, double y, double z)
    {
        var (dx, dy, dz) = (x - _px, y - _py, z - _pz);
        var xc = (dx * _right.X) + (dy * _right.Y) + (dz * _right.Z);
        var yc = -((dx * _up.X) + (dy * _up.Y) + (dz * _up.Z));
        var zc = (dx * _forward.X) + (dy * _forward.Y) + (dz * _forward.Z);
        if (TopDown)
        {
            // Orthographic: the image is the road plane seen from above, image-up along the heading.
            return ((Width / 2.0) + (xc * Focal), (Height / 2.0) + (yc * Focal), _pz - z);
        }

        if (zc < 0.5)
        {
            return null;
        }

        return ((Width / 2.0) + (Focal * xc / zc), (Height / 2.0) + (Focal * yc / zc), zc);
    }

    /// <summary>Projects a road-plane point, or null when it is not in front of the camera.</summary>
    public Point2? ProjectGround(Point2 p) => Project(p.X, p.Y, 0) is { } q ? new Point2(q.U, q.V) : null;

    /// <summary>The road-plane point seen at a pixel (null above the horizon).</summary>
    public Point2? ImageToGround(Point2 pixel)
    {
        var inv = Invert(GroundToImage);
        var w = (inv[6] * pixel.X) + (inv[7] * pixel.Y) + inv[8];
        if (!TopDown && (pixel.Y <= HorizonRow + 1 || Math.Abs(w) < 1e-12))
        {
            return null;
        }

        return new Point2(((inv[0] * pixel.X) + (inv[1] * pixel.Y) + inv[2]) / w, ((inv[3] * pixel.X) + (inv[4] * pixel.Y) + inv[5]) / w);
    }

    /// <summary>The image → road homography (row-major), as a site's calibration gives it.</summary>
    public double[] ImageToGroundHomography()
    {
        var inv = Invert(GroundToImage);
        return inv.Select(v => v / inv[8]).ToArray();
    }

    private double[] BuildGroundToImage(double heading)
    {
        var (cx, cy) = (Width / 2.0, Height / 2.0);
        if (TopDown)
        {
            // u = cx + f (dx cos h - dy sin h); v = cy - f (dx sin h + dy cos h)
            var (c, s, f) = (Math.Cos(heading), Math.Sin(heading), Focal);
            return [f * c, -f * s, cx - (f * ((c * _px) - (s * _py))), -f * s, -f * c, cy + (f * ((s * _px) + (c * _py))), 0, 0, 1];
        }

        // Rows of [right; -up; forward] applied to (x - px, y - py, -pz), then the intrinsics.
        double[] m =
        [
            _right.X, _right.Y, -((_right.X * _px) + (_right.Y * _py) + (_right.Z * _pz)),
            -_up.X, -_up.Y, (_up.X * _px) + (_up.Y * _py) + (_up.Z * _pz),
            _forward.X, _forward.Y, -((_forward.X * _px) + (_forward.Y * _py) + (_forward.Z * _pz)),
        ];
        var k = Focal;
        return
        [
            (k * m[0]) + (cx * m[6]), (k * m[1]) + (cx * m[7]), (k * m[2]) + (cx * m[8]),
            (k * m[3]) + (cy * m[6]), (k * m[4]) + (cy * m[7]), (k * m[5]) + (cy * m[8]),
            m[6], m[7], m[8],
        ];
    }

    internal static double[] Invert(double[] m)
    {
        var det = (m[0] * ((m[4] * m[8]) - (m[5] * m[7]))) - (m[1] * ((m[3] * m[8]) - (m[5] * m[6]))) + (m[2] * ((m[3] * m[7]) - (m[4] * m[6])));
        return
        [
            ((m[4] * m[8]) - (m[5] * m[7])) / det, ((m[2] * m[7]) - (m[1] * m[8])) / det, ((m[1] * m[5]) - (m[2] * m[4])) / det,
            ((m[5] * m[6]) - (m[3] * m[8])) / det, ((m[0] * m[8]) - (m[2] * m[6])) / det, ((m[2] * m[3]) - (m[0] * m[5])) / det,
            ((m[3] * m[7]) - (m[4] * m[6])) / det, ((m[1] * m[6]) - (m[0] * m[7])) / det, ((m[0] * m[4]) - (m[1] * m[3])) / det,
        ];
    }
}
