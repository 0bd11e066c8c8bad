using EdgeCity.Domain.Geometry;

namespace EdgeCity.Simulation.Twin;

/// <summary>Offsets and dashes along lane centre lines (positive offsets go to the left of the direction of travel).</summary>
public static class PolylineGeometry
{
    public static Point2 Direction(Point2 a, Point2 b)
    {
        var d = b - a;
        var len = Math.Sqrt((d.X * d.X) + (d.Y * d.Y));
        return len < 1e-9 ? new Point2(1, 0) : d * (1 / len);
    }

    /// <summary>The polyline moved sideways by <paramref name="distance"/> metres (left when positive).</summary>
    public static Point2[] Offset(IReadOnlyList<Point2> line, double distance)
    {
        var result = new Point2[line.Count];
        for (var i = 0; i < line.Count; i++)
        {
            var before = i > 0 ? Direction(line[i - 1], line[i]) : Direction(line[i], line[i + 1]);
            var after = i < line.Count - 1 ? Direction(line[i], line[i + 1]) : before;
            var n = new Point2(-(before.Y + after.Y), before.X + after.X);
            var len = Math.Sqrt((n.X * n.X) + (n.Y * n.Y));
            n = len < 1e-9 ? new Point2(-before.Y, before.X) : n * (1 / len);
            // Keep the offset width at corners (miter), bounded so sharp turns do not spike.
            var cos = Math.Max(0.5, (n.X * -before.Y) + (n.Y * before.X));
            result[i] = line[i] + (n * (distance / cos));
        }

        return result;
    }

    /// <summary>Dash segments of <paramref name="on"/> metres every <paramref name="on"/> + <paramref name="off"/> metres.</summary>
    public static IEnumerable<(Point2 A, Point2 B)> Dashes(IReadOnlyList<Point2> line, double on, double off)
    {
        var period = on + off;
        double travelled = 0;
        for (var i = 0; i + 1 < line.Count; i++)
        {
            var a = line[i];
            var b = line[i + 1];
            var len = a.DistanceTo(b);
            var dir = Direction(a, b);
            var s = 0.0;
            while (s < len)
            {
                var phase = (travelled + s) % period;
                if (phase < on)
                {
                    var e = Math.Min(len, s + (on - phase));
                    yield return (a + (dir * s), a + (dir * e));
                    s = e;
                }
                else
                {
                    s += period - phase;
                }
            }

            travelled += len;
        }
    }
}
