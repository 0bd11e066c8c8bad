namespace EdgeCity.Domain.Evaluation;

/// <summary>
/// Pairs counts with true crossings of one line and direction, one to one, in time: each true crossing, in order, takes
/// the earliest unpaired count within the tolerance. Counts left over that lie within the tolerance of a true crossing
/// are repeats (that vehicle counted again); the rest are counts of nothing.
/// </summary>
public static class CrossingMatch
{
    public static (int Matched, int Repeated) Pair(IReadOnlyList<double> truthTimes, IReadOnlyList<double> countTimes, double toleranceSeconds)
    {
        ArgumentNullException.ThrowIfNull(truthTimes);
        ArgumentNullException.ThrowIfNull(countTimes);
        var counts = countTimes.Order().ToArray();
        var used = new bool[counts.Length];
        var matched = 0;
        foreach (var t in truthTimes.Order())
        {
            for (var i = 0; i < counts.Length; i++)
            {
                if (!used[i] && Math.Abs(counts[i] - t) <= toleranceSeconds)
                {
                    used[i] = true;
                    matched++;
                    break;
                }
            }
        }

        var repeated = counts.Where((c, i) => !used[i] && truthTimes.Any(t => Math.Abs(c - t) <= toleranceSeconds)).Count();
        return (matched, repeated);
    }
}
