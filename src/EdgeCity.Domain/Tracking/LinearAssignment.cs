namespace EdgeCity.Domain.Tracking;

/// <summary>
/// Optimal one-to-one assignment (Hungarian method with potentials and shortest augmenting paths, the scheme
/// Jonker–Volgenant build on), with a cost limit: a pair costing more than the limit is never made, and leaving a
/// row and a column unmatched costs exactly the limit, as in lapjv's <c>cost_limit</c> that ByteTrack uses.
/// </summary>
public static class LinearAssignment
{
    private const double Forbidden = 1e12;

    /// <summary>Solves the problem for a rows×columns cost matrix; returns the matched (row, column) pairs.</summary>
    public static IReadOnlyList<(int Row, int Column)> Solve(double[,] cost, double costLimit)
    {
        ArgumentNullException.ThrowIfNull(cost);
        var rows = cost.GetLength(0);
        var cols = cost.GetLength(1);
        if (rows == 0 || cols == 0)
        {
            return [];
        }

        // Rows and columns without a single allowed pair can only stay unmatched: leave them out, so a crowd of
        // lost tracks far from every detection costs nothing in the O(n³) step.
        var liveRows = Enumerable.Range(0, rows).Where(i => Enumerable.Range(0, cols).Any(j => Allowed(cost[i, j], costLimit))).ToArray();
        var liveCols = Enumerable.Range(0, cols).Where(j => liveRows.Any(i => Allowed(cost[i, j], costLimit))).ToArray();
        if (liveRows.Length == 0)
        {
            return [];
        }

        // Square extension of size r+c: allowed costs top-left, a private "unmatched" slot per row (top-right
        // diagonal) and per column (bottom-left diagonal) at limit/2 each, zeros bottom-right.
        var r = liveRows.Length;
        var k = liveCols.Length;
        var n = r + k;
        var c = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (i < r && j < k)
                {
                    var v = cost[liveRows[i], liveCols[j]];
                    c[i, j] = Allowed(v, costLimit) ? v : Forbidden;
                }
                else if (i < r)
                {
                    c[i, j] = j - k == i ? costLimit / 2 : Forbidden;
                }
                else if (j < k)
                {
                    c[i, j] = i - r == j ? costLimit / 2 : Forbidden;
                }
            }
        }

        var rowToCol = SolveSquare(c, n);
        var pairs = new List<(int, int)>();
        for (var i = 0; i < r; i++)
        {
            var j = rowToCol[i];
            if (j < k && c[i, j] < Forbidden)
            {
                pairs.Add((liveRows[i], liveCols[j]));
            }
        }

        return pairs;
    }

    private static bool Allowed(double v, double costLimit) => double.IsFinite(v) && v <= costLimit;

    /// <summary>Minimum-cost perfect matching on a square matrix; O(n³).</summary>
    private static int[] SolveSquare(double[,] a, int n)
    {
        // 1-based arrays as in the classic formulation; p[j] = row matched to column j, way[j] = previous column.
        var u = new double[n + 1];
        var v = new double[n + 1];
        var p = new int[n + 1];
        var way = new int[n + 1];
        var minv = new double[n + 1];
        var used = new bool[n + 1];
        for (var i = 1; i <= n; i++)
        {
            p[0] = i;
            var j0 = 0;
            Array.Fill(minv, double.PositiveInfinity);
            Array.Fill(used, false);
            do
            {
                used[j0] = true;
                var i0 = p[j0];
                var delta = double.PositiveInfinity;
                var j1 = 0;
                for (var j = 1; j <= n; j++)
                {
                    if (used[j])
                    {
                        continue;
                    }

                    var cur = a[i0 - 1, j - 1] - u[i0] - v[j];
                    if (cur < minv[j])
                    {
                        minv[j] = cur;
                        way[j] = j0;
                    }

                    if (minv[j] < delta)
                    {
                        delta = minv[j];
                        j1 = j;
                    }
                }

                for (var j = 0; j <= n; j++)
                {
                    if (used[j])
                    {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    }
                    else
                    {
                        minv[j] -= delta;
                    }
                }

                j0 = j1;
            }
            while (p[j0] != 0);

            do
            {
                var j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            }
            while (j0 != 0);
        }

        var rowToCol = new int[n];
        for (var j = 1; j <= n; j++)
        {
            rowToCol[p[j] - 1] = j - 1;
        }

        return rowToCol;
    }
}
