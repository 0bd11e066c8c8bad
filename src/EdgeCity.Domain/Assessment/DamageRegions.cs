using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Assessment;

/// <summary>
/// Joins classified tiles into regions: 4-connected tiles of the same finding class are one finding (a collapsed
/// block across three tiles is one damaged building, not three), boxed by their union, scored by their best tile.
/// </summary>
public static class DamageRegions
{
    /// <param name="classes">Per tile (row-major, <paramref name="columns"/> wide): the finding class, or null for none.</param>
    /// <param name="scores">Per tile: the score of that class.</param>
    /// <param name="tiles">Per tile: its rectangle in the image.</param>
    /// <param name="columns">Tiles per row.</param>
    public static IReadOnlyList<(string Class, double Score, BoxF Box)> Join(IReadOnlyList<string?> classes, IReadOnlyList<double> scores, IReadOnlyList<BoxF> tiles, int columns)
    {
        var seen = new bool[classes.Count];
        var regions = new List<(string, double, BoxF)>();
        for (var start = 0; start < classes.Count; start++)
        {
            if (seen[start] || classes[start] is not { } cls)
            {
                continue;
            }

            var stack = new Stack<int>([start]);
            seen[start] = true;
            var (best, box) = (0.0, tiles[start]);
            while (stack.Count > 0)
            {
                var i = stack.Pop();
                best = Math.Max(best, scores[i]);
                var t = tiles[i];
                box = new BoxF(Math.Min(box.Left, t.Left), Math.Min(box.Top, t.Top), Math.Max(box.Right, t.Right), Math.Max(box.Bottom, t.Bottom));
                var (r, c) = (i / columns, i % columns);
                foreach (var (nr, nc) in new[] { (r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1) })
                {
                    var j = (nr * columns) + nc;
                    if (nr >= 0 && nc >= 0 && nc < columns && j < classes.Count && !seen[j] && classes[j] == cls)
                    {
                        seen[j] = true;
                        stack.Push(j);
                    }
                }
            }

            regions.Add((cls, best, box));
        }

        return regions;
    }
}
