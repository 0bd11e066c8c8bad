namespace EdgeCity.Domain.Signals;

/// <summary>
/// Names a phase the way an operator says it: the approaches it gives green to, and which turns when it is not all of
/// them ("E, W (left yields) · N, S right"), instead of the program index a controller uses ("p2"). Approaches with the same
/// turns are listed together; walk and bicycle greens are added at the end.
/// </summary>
public static class PhaseNames
{
    /// <summary>Every phase of <paramref name="model"/> by id, named with <paramref name="approachLabel"/> for each approach id.</summary>
    public static IReadOnlyDictionary<string, string> Of(IntersectionSignalModel model, Func<string, string> approachLabel) =>
        model.Phases.GroupBy(p => p.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Name(model, g.First(), approachLabel), StringComparer.Ordinal);

    public static string Name(IntersectionSignalModel model, Phase phase, Func<string, string> approachLabel)
    {
        var vehicles = model.Movements.Where(m => m.Kind == MovementKind.Vehicle).ToList();
        var served = new List<(string Label, string Turns)>();
        foreach (var approach in vehicles.Select(m => m.Approach).Distinct(StringComparer.Ordinal))
        {
            var all = vehicles.Where(m => m.Approach == approach).ToList();
            var green = all.Where(m => phase.IsGreen(m.Id)).ToList();
            if (green.Count == 0)
            {
                continue;
            }

            // Every turn of the approach green: the approach alone says it. Otherwise name the turns it protects; turns
            // that must give way to oncoming traffic are said as such ("left yields").
            var yielding = green.Where(m => !phase.ProtectedGreens.Contains(m.Id)).Select(m => m.Turn).Distinct().Order().ToList();
            var protectedTurns = green.Where(m => phase.ProtectedGreens.Contains(m.Id)).Select(m => m.Turn).Distinct().Order().ToList();
            var named = green.Count == all.Count ? string.Empty : string.Join("+", protectedTurns.Select(Word));
            var yields = string.Join("+", yielding.Select(Word));
            var turns = yielding.Count == 0 ? named
                : green.Count != all.Count && protectedTurns.Count == 0 ? $"{yields} (yield{(yielding.Count == 1 ? "s" : string.Empty)})"
                : $"{named} ({yields} yield{(yielding.Count == 1 ? "s" : string.Empty)})".TrimStart();
            served.Add((approachLabel(approach), turns));
        }

        var parts = served.GroupBy(s => s.Turns, StringComparer.Ordinal)
            .Select(g => string.Join(", ", g.Select(s => s.Label)) + (g.Key.Length > 0 ? " " + g.Key : string.Empty))
            .ToList();
        if (model.Movements.Any(m => m.Kind == MovementKind.Pedestrian && phase.IsGreen(m.Id)))
        {
            parts.Add("walk");
        }

        if (model.Movements.Any(m => m.Kind == MovementKind.Bicycle && phase.IsGreen(m.Id)))
        {
            parts.Add("bikes");
        }

        return parts.Count > 0 ? string.Join(" · ", parts) : "all red";
    }

    private static string Word(TurnDirection turn) => turn switch
    {
        TurnDirection.Straight => "straight",
        TurnDirection.Left => "left",
        TurnDirection.Right => "right",
        TurnDirection.PartialLeft => "half-left",
        TurnDirection.PartialRight => "half-right",
        TurnDirection.UTurn => "U-turn",
        _ => "other",
    };
}
