using EdgeCity.Domain.Geometry;

namespace EdgeCity.Simulation.Twin;

/// <summary>Clips segments and polygons to the image rectangle, so count lines and zones stay inside the picture.</summary>
public static class ImageClipping
{
    /// <summary>Liang–Barsky: the part of a→b inside [0, w]×[0, h], or null.</summary>
    public static (Point2 A, Point2 B)? Segment(Point2 a, Point2 b, double w, double h)
    {
        double t0 = 0, t1 = 1;
        var d = b - a;
        foreach (var (p, q) in new[] { (-d.X, a.X), (d.X, w - a.X), (-d.Y, a.Y), (d.Y, h - a.Y) })
        {
            if (Math.Abs(p) < 1e-12)
            {
                if (q < 0)
                {
                    return null;
                }

                continue;
            }

            var r = q / p;
            if (p < 0)
            {
                t0 = Math.Max(t0, r);
            }
            else
            {
                t1 = Math.Min(t1, r);
            }
        }

        return t0 <= t1 ? (a + (d * t0), a + (d * t1)) : null;
    }

    /// <summary>Sutherland–Hodgman against the four image borders.</summary>
    public static IReadOnlyList<Point2> Polygon(IReadOnlyList<Point2> polygon, double w, double h)
    {
        var output = polygon.ToList();
        foreach (var (inside, cut) in new (Func<Point2, bool>, Func<Point2, Point2, Point2>)[]
        {
            (p => p.X >= 0, (a, b) => Lerp(a, b, (0 - a.X) / (b.X - a.X))),
            (p => p.X <= w, (a, b) => Lerp(a, b, (w - a.X) / (b.X - a.X))),
            (p => p.Y >= 0, (a, b) => Lerp(a, b, (0 - a.Y) / (b.Y - a.Y))),
            (p => p.Y <= h, (a, b) => Lerp(a, b, (h - a.Y) / (b.Y - a.Y))),
        })
        {
            var input = output;
            output = [];
            for (var i = 0; i < input.Count; i++)
            {
                var current = input[i];
                var previous = input[(i + input.Count - 1) % input.Count];
                if (inside(current))
                {
                    if (!inside(previous))
                    {
                        output.Add(cut(previous, current));
                    }

                    output.Add(current);
                }
                else if (inside(previous))
                {
                    output.Add(cut(previous, current));
                }
            }
        }

        return output;
    }

    private static Point2 Lerp(Point2 a, Point2 b, double t) => a + ((b - a) * t);
}
