namespace EdgeCity.Domain.Signals;

/// <summary>Everything a controller and the validator need to know about one intersection's signals.</summary>
public sealed record IntersectionSignalModel(
    string IntersectionId,
    IReadOnlyList<Movement> Movements,
    ConflictMatrix Conflicts,
    IReadOnlyList<Phase> Phases,
    IReadOnlyDictionary<string, Intergreen> Intergreens)
{
    /// <summary>
    /// Intergreens between a pair of foes that a city's programme sets shorter than the clearing movement's whole
    /// yellow and all-red (RiLSA practice: an intergreen per conflict pair, from the clearing vehicle's path to the
    /// conflict point against the entering one's); keyed <c>"from&gt;to"</c>, seconds from the end of <c>from</c>'s
    /// green to the start of <c>to</c>'s. Pairs not listed wait for the clearing movement's whole intergreen.
    /// </summary>
    public IReadOnlyDictionary<string, double> PairIntergreens { get; init; } = new Dictionary<string, double>();

    /// <summary>The key of a pair in <see cref="PairIntergreens"/>.</summary>
    public static string PairKey(string from, string to) => from + ">" + to;

    /// <summary>The intergreen that ends a movement's green (the default when none is configured).</summary>
    public Intergreen IntergreenOf(string movementId) => Intergreens.TryGetValue(movementId, out var ig) ? ig : Intergreen.Default;

    /// <summary>Structural problems: unknown movements in phases, two protected foes in one phase, bad green bounds.</summary>
    public IReadOnlyList<string> Check()
    {
        var problems = new List<string>();
        var ids = Movements.Select(m => m.Id).ToHashSet();
        if (ids.Count != Movements.Count)
        {
            problems.Add("duplicate movement ids");
        }

        foreach (var phase in Phases)
        {
            foreach (var m in phase.Greens.Where(m => !ids.Contains(m)))
            {
                problems.Add($"phase {phase.Id}: unknown movement '{m}'");
            }

            var greens = phase.Greens.ToArray();
            for (var i = 0; i < greens.Length; i++)
            {
                for (var j = i + 1; j < greens.Length; j++)
                {
                    if (!CompatibleGreens(phase, greens[i], greens[j]))
                    {
                        problems.Add($"phase {phase.Id}: conflicting movements '{greens[i]}' and '{greens[j]}' are both green");
                    }
                }
            }

            if (phase.MinGreenSeconds < 0 || phase.MaxGreenSeconds < phase.MinGreenSeconds)
            {
                problems.Add($"phase {phase.Id}: green bounds [{phase.MinGreenSeconds}, {phase.MaxGreenSeconds}] are invalid");
            }
        }

        return problems;
    }

    /// <summary>Two greens are compatible unless they are foes and neither is a permissive green yielding to the other.</summary>
    public bool CompatibleGreens(Phase phase, string a, string b)
    {
        if (!Conflicts.AreFoes(a, b))
        {
            return true;
        }

        return (phase.PermissiveGreens.Contains(a) && Conflicts.MustYield(a, b))
            || (phase.PermissiveGreens.Contains(b) && Conflicts.MustYield(b, a));
    }
}
