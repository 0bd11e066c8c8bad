using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Calibration;

/// <summary>
/// A plane-to-plane projective map, here from image pixels to road-plane metres. Queues and speeds are measured on
/// the road plane, so a vehicle far from the camera counts as many metres as one close to it.
/// </summary>
public sealed class Homography
{
    private readonly double[] _h;

    private Homography(double[] h) => _h = h;

    /// <summary>The map that leaves points where they are (road units are then pixels).</summary>
    public static Homography Identity { get; } = new([1, 0, 0, 0, 1, 0, 0, 0, 1]);

    /// <summary>The nine entries, row-major, scaled so the largest magnitude is 1 or h33 is 1 when it is not 0.</summary>
    public IReadOnlyList<double> Matrix => _h;

    /// <summary>Builds the map from a row-major 3×3 matrix; throws when it is singular or not finite.</summary>
    public static Homography FromMatrix(IReadOnlyList<double> rowMajor)
    {
        ArgumentNullException.ThrowIfNull(rowMajor);
        if (rowMajor.Count != 9)
        {
            throw new ArgumentException($"A homography has 9 entries, got {rowMajor.Count}.", nameof(rowMajor));
        }

        var h = rowMajor.ToArray();
        if (h.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException("A homography entry is not a finite number.", nameof(rowMajor));
        }

        if (Math.Abs(Determinant(h)) < 1e-12 * Math.Pow(h.Max(Math.Abs), 3))
        {
            throw new ArgumentException("The homography is singular: it does not map a plane onto a plane.", nameof(rowMajor));
        }

        return new Homography(Normalise(h));
    }

    /// <summary>
    /// Estimates the map from four or more image↔road point pairs with the normalised direct linear transform
    /// (Hartley): both point sets are moved to their centroid and scaled to a mean distance of √2, which keeps the
    /// linear system well conditioned for pixel coordinates in the thousands.
    /// </summary>
    public static Homography Estimate(IReadOnlyList<PointCorrespondence> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (pairs.Count < 4)
        {
            throw new ArgumentException($"A homography needs at least 4 point pairs, got {pairs.Count}.", nameof(pairs));
        }

        var (tImg, imgPts) = NormaliseSet(pairs.Select(p => p.Image).ToArray());
        var (tRoad, roadPts) = NormaliseSet(pairs.Select(p => p.Road).ToArray());

        // Each pair gives two rows of A·h = 0; h is the right singular vector of A with the smallest singular value,
        // i.e. the eigenvector of AᵀA with the smallest eigenvalue.
        var ata = new double[9, 9];
        var row = new double[9];
        for (var i = 0; i < pairs.Count; i++)
        {
            var (x, y) = (imgPts[i].X, imgPts[i].Y);
            var (u, v) = (roadPts[i].X, roadPts[i].Y);
            Fill(row, -x, -y, -1, 0, 0, 0, u * x, u * y, u);
            Accumulate(ata, row);
            Fill(row, 0, 0, 0, -x, -y, -1, v * x, v * y, v);
            Accumulate(ata, row);
        }

        var (values, vectors) = SymmetricEigen.Decompose(ata);
        var smallest = 0;
        for (var k = 1; k < 9; k++)
        {
            if (values[k] < values[smallest])
            {
                smallest = k;
            }
        }

        var hn = new double[9];
        for (var k = 0; k < 9; k++)
        {
            hn[k] = vectors[k, smallest];
        }

        // Undo the normalisation: H = T_road⁻¹ · Hn · T_img.
        var h = Multiply(Multiply(Invert(tRoad), hn), tImg);
        return FromMatrix(h);
    }

    /// <summary>Projects an image point onto the road plane.</summary>
    public Point2 Project(Point2 p)
    {
        var w = (_h[6] * p.X) + (_h[7] * p.Y) + _h[8];
        if (Math.Abs(w) < 1e-15)
        {
            // The point lies on the horizon line of the road plane: it has no position on the road.
            return new Point2(double.NaN, double.NaN);
        }

        return new Point2(((_h[0] * p.X) + (_h[1] * p.Y) + _h[2]) / w, ((_h[3] * p.X) + (_h[4] * p.Y) + _h[5]) / w);
    }

    /// <summary>The map in the other direction, road plane to image.</summary>
    public Homography Inverse() => new(Normalise(Invert(_h)));

    private static double[] Normalise(double[] h)
    {
        var scale = Math.Abs(h[8]) > 1e-12 ? h[8] : h.MaxBy(Math.Abs);
        return h.Select(v => v / scale).ToArray();
    }

    private static (double[] T, Point2[] Points) NormaliseSet(Point2[] points)
    {
        var cx = points.Average(p => p.X);
        var cy = points.Average(p => p.Y);
        var meanDist = points.Average(p => Math.Sqrt(((p.X - cx) * (p.X - cx)) + ((p.Y - cy) * (p.Y - cy))));
        if (meanDist < 1e-12)
        {
            throw new ArgumentException("All calibration points coincide.");
        }

        var s = Math.Sqrt(2) / meanDist;
        var t = new double[] { s, 0, -s * cx, 0, s, -s * cy, 0, 0, 1 };
        return (t, points.Select(p => new Point2(s * (p.X - cx), s * (p.Y - cy))).ToArray());
    }

    private static void Fill(double[] row, params double[] values) => values.CopyTo(row, 0);

    private static void Accumulate(double[,] ata, double[] row)
    {
        for (var i = 0; i < 9; i++)
        {
            for (var j = 0; j < 9; j++)
            {
                ata[i, j] += row[i] * row[j];
            }
        }
    }

    private static double Determinant(double[] m) =>
        (m[0] * ((m[4] * m[8]) - (m[5] * m[7]))) - (m[1] * ((m[3] * m[8]) - (m[5] * m[6]))) + (m[2] * ((m[3] * m[7]) - (m[4] * m[6])));

    private static double[] Invert(double[] m)
    {
        var det = Determinant(m);
        return
        [
            ((m[4] * m[8]) - (m[5] * m[7])) / det, ((m[2] * m[7]) - (m[1] * m[8])) / det, ((m[1] * m[5]) - (m[2] * m[4])) / det,
            ((m[5] * m[6]) - (m[3] * m[8])) / det, ((m[0] * m[8]) - (m[2] * m[6])) / det, ((m[2] * m[3]) - (m[0] * m[5])) / det,
            ((m[3] * m[7]) - (m[4] * m[6])) / det, ((m[1] * m[6]) - (m[0] * m[7])) / det, ((m[0] * m[4]) - (m[1] * m[3])) / det,
        ];
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
