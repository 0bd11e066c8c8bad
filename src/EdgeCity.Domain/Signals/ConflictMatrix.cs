namespace EdgeCity.Domain.Signals;

/// <summary>
/// Which movements cross or merge (foes), and which of two foes must yield. Built from a junction's geometry or
/// from SUMO's foe/response data. Two foes may show green together only when one runs permissive and yields to the other.
/// </summary>
public sealed class ConflictMatrix
{
    private readonly HashSet<(string, string)> _foes = [];
    private readonly HashSet<(string Yielding, string Priority)> _yields = [];

    /// <summary>Declares that <paramref name="a"/> and <paramref name="b"/> are foes (symmetric).</summary>
    public ConflictMatrix AddFoes(string a, string b)
    {
        if (a == b)
        {
            throw new ArgumentException($"a movement cannot be its own foe: '{a}'");
        }

        _foes.Add((a, b));
        _foes.Add((b, a));
        return this;
    }

    /// <summary>Declares that <paramref name="yielding"/> gives way to <paramref name="priority"/>; both become foes.</summary>
    public ConflictMatrix AddYield(string yielding, string priority)
    {
        AddFoes(yielding, priority);
        _yields.Add((yielding, priority));
        return this;
    }

    public bool AreFoes(string a, string b) => _foes.Contains((a, b));

    /// <summary>True when <paramref name="yielding"/> must give way to <paramref name="priority"/>.</summary>
    public bool MustYield(string yielding, string priority) => _yields.Contains((yielding, priority));

    /// <summary>All foes of a movement.</summary>
    public IEnumerable<string> FoesOf(string movement) => _foes.Where(p => p.Item1 == movement).Select(p => p.Item2);

    /// <summary>Number of ordered foe pairs (each conflict counts twice).</summary>
    public int Count => _foes.Count;
}
