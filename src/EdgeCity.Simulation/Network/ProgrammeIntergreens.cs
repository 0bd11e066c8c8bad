using EdgeCity.Domain.Signals;

namespace EdgeCity.Simulation.Network;

/// <summary>
/// The intergreens a city's programme uses between pairs of foes: for each end of a movement's green in the cycle, the
/// time until each foe's next green starts; the shortest the programme ever uses is the pair's intergreen. RiLSA's
/// example 3 starts the east approach's green as the west approach's left turn goes yellow: held to the left turn's whole
/// 3 s yellow, every switch of EdgeCity's own timing of that programme lost those seconds (279.7 s mean delay against
/// SUMO's 239.8 s on the same programme, seed 1). Only pairs shorter than the whole intergreen matter, so only those are kept.
/// </summary>
internal static class ProgrammeIntergreens
{
    public static Dictionary<string, double> Of(SumoProgram program, IReadOnlyList<(string Id, string Column)> movements, ConflictMatrix conflicts, IReadOnlyDictionary<string, Intergreen> whole)
    {
        var pairs = new Dictionary<string, double>(StringComparer.Ordinal);
        var n = program.Phases.Count;
        if (n < 2)
        {
            return pairs;
        }

        var starts = new double[n + 1];
        for (var i = 0; i < n; i++)
        {
            starts[i + 1] = starts[i] + program.Phases[i].Duration;
        }

        var cycle = starts[n];
        static bool Green(string column, int i) => column.Length > i && column[i] is 'G' or 'g' or 's' or 'o' or 'O';
        foreach (var (from, fromColumn) in movements)
        {
            var wholeSeconds = whole.TryGetValue(from, out var ig) ? ig.TotalSeconds : Intergreen.Default.TotalSeconds;
            for (var i = 0; i < n; i++)
            {
                // The green of `from` ends where step i-1 shows it green and step i does not.
                if (!Green(fromColumn, (i - 1 + n) % n) || Green(fromColumn, i))
                {
                    continue;
                }

                foreach (var (to, toColumn) in movements)
                {
                    if (to == from || !conflicts.AreFoes(from, to))
                    {
                        continue;
                    }

                    for (var k = 0; k < n; k++)
                    {
                        var j = (i + k) % n;
                        if (Green(toColumn, j) && !Green(toColumn, (j - 1 + n) % n))
                        {
                            var gap = starts[j] - starts[i] + (j < i ? cycle : 0);
                            var key = IntersectionSignalModel.PairKey(from, to);
                            if (gap < wholeSeconds && (!pairs.TryGetValue(key, out var known) || gap < known))
                            {
                                pairs[key] = gap;
                            }

                            break;
                        }
                    }
                }
            }
        }

        return pairs;
    }
}
