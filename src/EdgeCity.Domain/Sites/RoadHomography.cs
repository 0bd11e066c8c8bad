using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Sites;

/// <summary>A 3×3 plane-to-plane mapping (row-major), solved from point pairs by least squares on normalised coordinates.</summary>
public sealed class RoadHomography
{
    private readonly double[] _h;

    public RoadHomography(IReadOnlyList<double> rowMajor)
    {
        if (rowMajor.Count != 9 || rowMajor.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException("a homography has 9 finite numbers");
        }

        _h = [.. rowMajor];
    }

    /// <summary>The 9 numbers, row-major.</summary>
    public IReadOnlyList<double> Values => _h;

    /// <summary>Determinant of the matrix; near zero means the mapping collapses the plane.</summary>
    public double Determinant =>
        (_h[0] * ((_h[4] * _h[8]) - (_h[5] * _h[7]))) - (_h[1] * ((_h[3] * _h[8]) - (_h[5] * _h[6]))) + (_h[2] * ((_h[3] * _h[7]) - (_h[4] * _h[6])));

    public Point2 Map(Point2 p)
    {
        var w = (_h[6] * p.X) + (_h[7] * p.Y) + _h[8];
        return new Point2(((_h[0] * p.X) + (_h[1] * p.Y) + _h[2]) / w, ((_h[3] * p.X) + (_h[4] * p.Y) + _h[5]) / w);
    }

    /// <summary>Solves the mapping from <paramref name="from"/> to <paramref name="to"/> (four or more pairs, no three collinear).</summary>
    public static RoadHomography Solve(IReadOnlyList<Point2> from, IReadOnlyList<Point2> to)
    {
        if (from.Count != to.Count || from.Count < 4)
        {
            throw new ArgumentException("a homography needs at least four point pairs");
        }

        var (tf, nf) = Normalise(from);
        var (tt, nt) = Normalise(to);
        var ata = new double[8, 8];
        var atb = new double[8];
        for (var i = 0; i < nf.Length; i++)
        {
            var (x, y) = (nf[i].X, nf[i].Y);
            var (u, v) = (nt[i].X, nt[i].Y);
            Accumulate(ata, atb, [x, y, 1, 0, 0, 0, -u * x, -u * y], u);
            Accumulate(ata, atb, [0, 0, 0, x, y, 1, -v * x, -v * y], v);
        }

        var h = SolveLinear(ata, atb) ?? throw new ArgumentException("the points do not determine a homography (collinear or repeated)");
        double[] hn = [h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], 1];
        var full = Multiply(Multiply(Invert(tt), hn), tf);
        var scale = full[8];
        return new RoadHomography(full.Select(v => v / scale).ToArray());
    }

    private static void Accumulate(double[,] ata, double[] atb, double[] row, double rhs)
    {
        for (var r = 0; r < 8; r++)
        {
            atb[r] += row[r] * rhs;
            for (var c = 0; c < 8; c++)
            {
                ata[r, c] += row[r] * row[c];
            }
        }
    }

    private static double[]? SolveLinear(double[,] a, double[] b)
    {
        const int n = 8;
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++)
            {
                if (Math.Abs(a[r, col]) > Math.Abs(a[pivot, col]))
                {
                    pivot = r;
                }
            }

            if (Math.Abs(a[pivot, col]) < 1e-12)
            {
                return null;
            }

            for (var c = 0; c < n; c++)
            {
                (a[col, c], a[pivot, c]) = (a[pivot, c], a[col, c]);
            }

            (b[col], b[pivot]) = (b[pivot], b[col]);
            for (var r = 0; r < n; r++)
            {
                if (r == col)
                {
                    continue;
                }

                var f = a[r, col] / a[col, col];
                for (var c = col; c < n; c++)
                {
                    a[r, c] -= f * a[col, c];
                }

                b[r] -= f * b[col];
            }
        }

        return Enumerable.Range(0, n).Select(i => b[i] / a[i, i]).ToArray();
    }

    private static (double[] T, Point2[] Points) Normalise(IReadOnlyList<Point2> points)
    {
        var cx = points.Average(p => p.X);
        var cy = points.Average(p => p.Y);
        var d = points.Average(p => Math.Sqrt(((p.X - cx) * (p.X - cx)) + ((p.Y - cy) * (p.Y - cy))));
        var s = d > 0 ? Math.Sqrt(2) / d : 1;
        double[] t = [s, 0, -s * cx, 0, s, -s * cy, 0, 0, 1];
        return (t, points.Select(p => new Point2(s * (p.X - cx), s * (p.Y - cy))).ToArray());
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

    private static double[] Invert(double[] t) =>
        // Inverse of a similarity [s 0 tx; 0 s ty; 0 0 1].
        [1 / t[0], 0, -t[2] / t[0], 0, 1 / t[4], -t[5] / t[4], 0, 0, 1];
}
