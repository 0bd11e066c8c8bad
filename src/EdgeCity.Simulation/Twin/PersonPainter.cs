using EdgeCity.Simulation.Traci;
using OpenCvSharp;

namespace EdgeCity.Simulation.Twin;

/// <summary>
/// Draws one pedestrian as projected boxes (two legs in stride, torso, arms, head) with a ground shadow, clothes and
/// height that depend on its id, and returns the pixel bounds of everything drawn.
/// </summary>
internal static class PersonPainter
{
    private static readonly Scalar[] Clothes =
    [
        new(40, 40, 40), new(200, 200, 205), new(140, 60, 30), new(40, 40, 160), new(60, 110, 60),
        new(30, 140, 200), new(110, 100, 95), new(150, 70, 140), new(20, 60, 120), new(170, 170, 60),
    ];

    private static readonly Scalar[] Skin = [new(90, 120, 170), new(120, 155, 200), new(60, 80, 120), new(150, 180, 220)];

    /// <summary>Adult heights from 1.55 to 1.90 m; a person is its height at every frame (the id fixes it).</summary>
    public static double HeightOf(string id) => 1.55 + ((StableHash.Of(id) % 36) / 100.0);

    /// <summary>Draws the person; returns its bounds (left, top, right, bottom) or null when it cannot be seen.</summary>
    public static (double L, double T, double R, double B)? Draw(Mat frame, CameraModel camera, VehicleState p, double time, (double X, double Y) shadow)
    {
        var hash = StableHash.Of(p.Id);
        var height = HeightOf(p.Id);
        var rad = p.Angle * Math.PI / 180;
        var fwd = (X: Math.Sin(rad), Y: Math.Cos(rad));
        var side = (X: Math.Cos(rad), Y: -Math.Sin(rad));
        var (cx, cy) = (p.X, p.Y);
        var shoulders = Math.Clamp(p.Width, 0.4, 0.6);
        var depth = 0.28;
        // The stride swings with the distance walked (speed × time): about one step per 0.7 m, none when standing.
        var phase = p.Speed > 0.1 ? Math.Sin((time * p.Speed / 0.7 * Math.PI) + (hash % 7)) : 0;
        var stride = 0.32 * phase;
        var bounds = new List<(double U, double V)>();

        // A box centred at (along, across) of the given size, from z0 to z1 above the ground.
        (double U, double V)[]? Box(double along, double across, double length, double width, double z0, double z1)
        {
            var pts = new (double, double)[8];
            var i = 0;
            foreach (var a in new[] { along - (length / 2), along + (length / 2) })
            {
                foreach (var c in new[] { across - (width / 2), across + (width / 2) })
                {
                    foreach (var z in new[] { z0, z1 })
                    {
                        if (camera.Project(cx + (fwd.X * a) + (side.X * c), cy + (fwd.Y * a) + (side.Y * c), z) is not { } q)
                        {
                            return null;
                        }

                        pts[i++] = (q.U, q.V);
                    }
                }
            }

            return pts;
        }

        void Fill((double U, double V)[] pts, Scalar colour)
        {
            var points = pts.Select(q => new Point((int)Math.Round(q.U), (int)Math.Round(q.V))).ToArray();
            Cv2.FillConvexPoly(frame, Cv2.ConvexHull(points), colour, LineTypes.AntiAlias);
            bounds.AddRange(pts);
        }

        var legTop = height * 0.47;
        var torsoTop = height * 0.82;
        var headSize = height * 0.13;
        var legLeft = Box(stride / 2, -shoulders * 0.22, 0.16, 0.15, 0, legTop);
        var legRight = Box(-stride / 2, shoulders * 0.22, 0.16, 0.15, 0, legTop);
        var torso = Box(0, 0, depth, shoulders, legTop - 0.02, torsoTop);
        var armLeft = Box(-stride / 3, -shoulders * 0.58, 0.12, 0.1, legTop - 0.05, torsoTop - 0.02);
        var armRight = Box(stride / 3, shoulders * 0.58, 0.12, 0.1, legTop - 0.05, torsoTop - 0.02);
        var head = Box(0, 0, headSize * 0.9, headSize * 0.8, torsoTop + 0.03, torsoTop + 0.03 + headSize);
        if (legLeft is null || legRight is null || torso is null || armLeft is null || armRight is null || head is null)
        {
            return null;
        }

        // Shadow: cast on the ground from the feet away from the sun (as the vehicles' are), narrowing from the
        // shoulders' width at the feet to the head's at its tip; not part of the person's box.
        var sunLength = Math.Max(1e-6, Math.Sqrt((shadow.X * shadow.X) + (shadow.Y * shadow.Y)));
        var across = (X: -shadow.Y / sunLength, Y: shadow.X / sunLength);
        var ground = new List<(double X, double Y)>(4);
        foreach (var (k, half) in new[] { (0.0, shoulders / 2), (1.0, headSize / 2) })
        {
            foreach (var w in new[] { -half, half })
            {
                ground.Add((cx + (across.X * w) + (shadow.X * height * k), cy + (across.Y * w) + (shadow.Y * height * k)));
            }
        }

        GroundShadow.Fill(frame, camera, ground);

        var top = Clothes[hash % (uint)Clothes.Length];
        var trousers = Clothes[(hash / 11) % (uint)Clothes.Length];
        var skin = Skin[(hash / 7) % (uint)Skin.Length];
        Fill(legLeft, trousers);
        Fill(legRight, trousers);
        Fill(torso, top);
        Fill(armLeft, top);
        Fill(armRight, top);
        Fill(head, skin);
        if (Box(0, 0, headSize * 0.95, headSize * 0.85, torsoTop + 0.03 + (headSize * 0.7), torsoTop + 0.03 + headSize) is { } hair)
        {
            Fill(hair, new Scalar(20 + (hash % 40), 25 + (hash % 50), 30 + (hash % 70)));
        }

        return (bounds.Min(b => b.U), bounds.Min(b => b.V), bounds.Max(b => b.U), bounds.Max(b => b.V));
    }
}
