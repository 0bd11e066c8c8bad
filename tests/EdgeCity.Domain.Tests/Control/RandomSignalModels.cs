using EdgeCity.Domain.Control;
using EdgeCity.Domain.Signals;

namespace EdgeCity.Domain.Tests.Control;

/// <summary>
/// Random valid signal models: random foes and yields, many phases built greedily with protected and permissive
/// greens (like SUMO programs with 'G' and 'g'), random intergreens, green bounds and pedestrian timings.
/// </summary>
internal static class RandomSignalModels
{
    /// <param name="usableGreens">Keep every maximum green at least 10 s and default green at least 8 s (a 0 s green serves no one; fine for the validator, not for controllers).</param>
    public static SignalTimings Create(Random rng, int movementCount, int phaseCount, bool usableGreens = false)
    {
        var ids = Enumerable.Range(0, movementCount).Select(i => $"m{i}").ToArray();
        var movements = ids.Select((id, i) => new Movement(
            id, $"arm{i % 4}", TurnDirection.Straight, [i], rng.NextDouble() < 0.15 ? MovementKind.Pedestrian : MovementKind.Vehicle)).ToList();
        var conflicts = new ConflictMatrix();
        for (var i = 0; i < ids.Length; i++)
        {
            for (var j = i + 1; j < ids.Length; j++)
            {
                var r = rng.NextDouble();
                if (r < 0.25)
                {
                    conflicts.AddFoes(ids[i], ids[j]);
                }
                else if (r < 0.4)
                {
                    conflicts.AddYield(ids[i], ids[j]);
                }
                else if (r < 0.55)
                {
                    conflicts.AddYield(ids[j], ids[i]);
                }
            }
        }

        var stub = new IntersectionSignalModel("rnd", movements, conflicts, [], new Dictionary<string, Intergreen>());
        var phases = new List<Phase>();
        var seen = new HashSet<string>();
        for (var attempt = 0; phases.Count < phaseCount && attempt < phaseCount * 10; attempt++)
        {
            var prot = new HashSet<string>();
            var perm = new HashSet<string>();
            foreach (var id in ids.OrderBy(_ => rng.Next()))
            {
                if (rng.NextDouble() < 0.3)
                {
                    continue;
                }

                if (rng.NextDouble() < 0.7 && Fits(stub, prot, perm, id, permissive: false))
                {
                    prot.Add(id);
                }
                else if (Fits(stub, prot, perm, id, permissive: true))
                {
                    perm.Add(id);
                }
            }

            var key = string.Join(",", prot.Order()) + "|" + string.Join(",", perm.Order());
            if (prot.Count + perm.Count == 0 || !seen.Add(key))
            {
                continue;
            }

            var min = Math.Round(rng.NextDouble() * 8, 1);
            var max = min + Math.Round(rng.NextDouble() * 40, 1) + (usableGreens ? 10 : 0);
            var standard = min + ((max - min) * rng.NextDouble());
            phases.Add(new Phase($"p{phases.Count}", prot, perm, min, max, usableGreens ? Math.Max(standard, Math.Min(8, max)) : standard));
        }

        var intergreens = ids.ToDictionary(id => id, _ => new Intergreen(Math.Round(rng.NextDouble() * 5, 1), Math.Round(rng.NextDouble() * 3, 1)));
        var pedestrians = movements.Where(m => m.Kind == MovementKind.Pedestrian)
            .ToDictionary(m => m.Id, _ => new PedestrianTiming(Math.Round(2 + (rng.NextDouble() * 8), 1), Math.Round(2 + (rng.NextDouble() * 10), 1)));
        var model = new IntersectionSignalModel("rnd", movements, conflicts, phases.Count > 0 ? phases : [new Phase("p0", new HashSet<string> { ids[0] }, new HashSet<string>(), 1, 10, 5)], intergreens);
        return new SignalTimings(model, pedestrians);
    }

    private static bool Fits(IntersectionSignalModel model, HashSet<string> prot, HashSet<string> perm, string id, bool permissive)
    {
        var p = new HashSet<string>(prot);
        var g = new HashSet<string>(perm);
        (permissive ? g : p).Add(id);
        var trial = new Phase("trial", p, g, 0, 0, 0);
        return trial.Greens.Where(o => o != id).All(o => model.CompatibleGreens(trial, id, o));
    }
}
