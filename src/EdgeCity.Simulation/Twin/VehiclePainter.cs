using EdgeCity.Simulation.Traci;
using OpenCvSharp;

namespace EdgeCity.Simulation.Twin;

/// <summary>
/// Draws one vehicle as projected boxes (body, cabin or cargo, rider) with a ground shadow, in a colour and shape that
/// depend on its class and id, and returns the pixel bounds of everything drawn.
/// </summary>
internal static class VehiclePainter
{
    private static readonly Scalar[] CarColours =
    [
        new(40, 40, 40), new(235, 235, 235), new(180, 180, 180), new(40, 40, 170), new(150, 80, 30),
        new(40, 120, 40), new(120, 120, 125), new(30, 150, 210), new(90, 40, 20), new(200, 200, 215),
    ];

    private static readonly Scalar Glass = new(60, 50, 45);
    private static readonly Scalar Tyre = new(25, 25, 25);

    /// <summary>Draws the vehicle; returns its bounds (left, top, right, bottom) or null when it cannot be seen.</summary>
    public static (double L, double T, double R, double B)? Draw(Mat frame, CameraModel camera, VehicleState v, string cls, (double X, double Y) shadow)
    {
        var (cx, cy) = v.Centre;
        var rad = v.Angle * Math.PI / 180;
        var fwd = (X: Math.Sin(rad), Y: Math.Cos(rad));
        var side = (X: Math.Cos(rad), Y: -Math.Sin(rad));
        var height = VehicleClass.HeightOf(cls, v.Length);
        var hash = StableHash.Of(v.Id);
        var colour = CarColours[hash % (uint)CarColours.Length];
        var bounds = new Bounds();

        // A box spanning [a, b] of the length (0 = rear, 1 = front), [-w/2, w/2] across, [z0, z1] up.
        (double U, double V)[]? Box(double a, double b, double widthShare, double z0, double z1)
        {
            var pts = new (double, double)[8];
            var i = 0;
            foreach (var along in new[] { a, b })
            {
                foreach (var across in new[] { -0.5, 0.5 })
                {
                    foreach (var z in new[] { z0, z1 })
                    {
                        var s = (along - 0.5) * v.Length;
                        var w = across * v.Width * widthShare;
                        var p = camera.Project(cx + (fwd.X * s) + (side.X * w), cy + (fwd.Y * s) + (side.Y * w), z);
                        if (p is null)
                        {
                            return null;
                        }

                        pts[i++] = (p.Value.U, p.Value.V);
                    }
                }
            }

            return pts;
        }

        void Fill((double U, double V)[] pts, Scalar c, bool track = true)
        {
            var points = pts.Select(p => new Point((int)Math.Round(p.U), (int)Math.Round(p.V))).ToArray();
            Cv2.FillConvexPoly(frame, Cv2.ConvexHull(points), c, LineTypes.AntiAlias);
            if (track)
            {
                bounds.Add(pts);
            }
        }

        void TopFace((double U, double V)[] pts, Scalar c)
        {
            // Corners with odd index are the upper ones (z1): the roof, lit by the sky.
            var top = new[] { pts[1], pts[3], pts[7], pts[5] }.Select(p => new Point((int)Math.Round(p.U), (int)Math.Round(p.V))).ToArray();
            Cv2.FillConvexPoly(frame, top, c, LineTypes.AntiAlias);
        }

        // Shadow: the footprint pushed away from the sun, on the ground; not part of the vehicle's box.
        var footprint = new List<(double X, double Y)>(8);
        foreach (var (along, across) in new[] { (-0.5, -0.5), (0.5, -0.5), (0.5, 0.5), (-0.5, 0.5) })
        {
            foreach (var k in new[] { 0.0, 1.0 })
            {
                footprint.Add((cx + (fwd.X * along * v.Length) + (side.X * across * v.Width) + (shadow.X * height * k),
                    cy + (fwd.Y * along * v.Length) + (side.Y * across * v.Width) + (shadow.Y * height * k)));
            }
        }

        GroundShadow.Fill(frame, camera, footprint);

        var light = Lighter(colour);
        switch (cls)
        {
            case VehicleClass.Bus:
            {
                var body = Box(0, 1, 1, 0.3, height);
                var wheels = Box(0.1, 0.9, 0.95, 0, 0.3);
                if (body is null || wheels is null)
                {
                    return null;
                }

                var busColour = (hash & 1) == 0 ? new Scalar(30, 160, 230) : new Scalar(40, 40, 190);
                Fill(wheels, Tyre);
                Fill(body, busColour);
                var band = Box(0.02, 0.98, 1.01, height * 0.55, height * 0.85);
                if (band is not null)
                {
                    Fill(band, Glass, track: false);
                }

                TopFace(body, Lighter(busColour));
                break;
            }

            case VehicleClass.Truck:
            {
                var cab = Box(0.78, 1, 1, 0.3, height * 0.8);
                var cargo = Box(0, 0.76, 1, 0.3, height);
                var wheels = Box(0.05, 0.95, 0.95, 0, 0.4);
                if (cab is null || cargo is null || wheels is null)
                {
                    return null;
                }

                Fill(wheels, Tyre);
                Fill(cargo, (hash & 2) == 0 ? new Scalar(220, 220, 220) : new Scalar(120, 130, 140));
                TopFace(cargo, new Scalar(235, 235, 235));
                Fill(cab, colour);
                TopFace(cab, light);
                break;
            }

            case VehicleClass.Motorcycle or VehicleClass.Bicycle:
            {
                var frameBox = Box(0, 1, 0.35, 0.2, 0.9);
                var rider = Box(0.3, 0.65, 0.8, 0.9, height);
                if (frameBox is null || rider is null)
                {
                    return null;
                }

                Fill(frameBox, cls == VehicleClass.Bicycle ? new Scalar(30, 30, 30) : colour);
                Fill(rider, new Scalar(70 + (hash % 60), 60, 50 + (hash % 90)));
                break;
            }

            default:
            {
                var body = Box(0, 1, 1, 0.15, height * 0.6);
                var cabin = Box(0.22, 0.75, 0.88, height * 0.6, height);
                if (body is null || cabin is null)
                {
                    return null;
                }

                Fill(body, colour);
                TopFace(body, light);
                Fill(cabin, Glass);
                TopFace(cabin, colour);
                break;
            }
        }

        return bounds.Value;
    }

    private static Scalar Lighter(Scalar c) => new(Math.Min(255, (c.Val0 * 1.2) + 20), Math.Min(255, (c.Val1 * 1.2) + 20), Math.Min(255, (c.Val2 * 1.2) + 20));

    private sealed class Bounds
    {
        private double _l = double.MaxValue, _t = double.MaxValue, _r = double.MinValue, _b = double.MinValue;

        public (double, double, double, double)? Value => _l <= _r ? (_l, _t, _r, _b) : null;

        public void Add((double U, double V)[] pts)
        {
            foreach (var (u, v) in pts)
            {
                _l = Math.Min(_l, u);
                _t = Math.Min(_t, v);
                _r = Math.Max(_r, u);
                _b = Math.Max(_b, v);
            }
        }
    }
}
