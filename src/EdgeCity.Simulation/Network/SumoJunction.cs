using EdgeCity.Domain.Geometry;

namespace EdgeCity.Simulation.Network;

/// <summary>
/// A junction with its right-of-way table: for request <c>i</c>, <see cref="Foes"/>[i] and <see cref="Responses"/>[i]
/// are SUMO's bit strings, written with link 0 as the LAST character.
/// </summary>
public sealed record SumoJunction(
    string Id,
    string Type,
    Point2 Position,
    IReadOnlyList<string> IncomingLanes,
    IReadOnlyList<string> InternalLanes,
    IReadOnlyList<Point2> Shape,
    IReadOnlyList<string> Foes,
    IReadOnlyList<string> Responses)
{
    public bool IsSignalised => Type.StartsWith("traffic_light", StringComparison.Ordinal);

    /// <summary>True when request <paramref name="i"/> and request <paramref name="j"/> cross or merge.</summary>
    public bool AreFoes(int i, int j) => Bit(Foes, i, j);

    /// <summary>True when request <paramref name="i"/> must give way to request <paramref name="j"/>.</summary>
    public bool MustYield(int i, int j) => Bit(Responses, i, j);

    private static bool Bit(IReadOnlyList<string> table, int i, int j)
    {
        if (i < 0 || i >= table.Count)
        {
            return false;
        }

        var row = table[i];
        var at = row.Length - 1 - j;
        return at >= 0 && at < row.Length && row[at] == '1';
    }
}
