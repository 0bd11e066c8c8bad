using EdgeCity.Domain.Signals;
using EdgeCity.Domain.Sites;

namespace EdgeCity.Domain.Control;

/// <summary>
/// A signal model for a site intersection that has no SUMO network behind it: one movement per approach, every
/// approach a foe of every other, one phase per approach in the site's order (bounds from the plan's phase at the
/// same position, else 5–60 s around 30 s). The safe default for a box whose cabinet mapping is not configured yet.
/// </summary>
public static class SiteSignalModel
{
    public static IntersectionSignalModel FromApproaches(IntersectionDefinition intersection)
    {
        var approaches = intersection.Approaches.Count > 0 ? intersection.Approaches.Select(a => a.Id).ToList() : ["all"];
        var movements = approaches.Select((a, i) => new Movement(a, a, TurnDirection.Straight, [i])).ToList();
        var conflicts = new ConflictMatrix();
        for (var i = 0; i < movements.Count; i++)
        {
            for (var j = i + 1; j < movements.Count; j++)
            {
                conflicts.AddFoes(movements[i].Id, movements[j].Id);
            }
        }

        var planned = intersection.Plan?.Phases ?? [];
        var plannedIds = planned.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var phases = movements.Select((m, i) =>
        {
            var p = i < planned.Count ? planned[i] : null;
            // A SUMO plan names its phases by program index (p0, p2, ...), so a generated id must not collide with them.
            var generated = plannedIds.Contains($"p{i}") ? $"approach-{m.Id}" : $"p{i}";
            return new Phase(p?.Id is { Length: > 0 } id ? id : generated, new HashSet<string> { m.Id }, new HashSet<string>(),
                p?.MinGreenSeconds ?? 5, p?.MaxGreenSeconds ?? 60, p?.GreenSeconds is > 0 and var g ? g : 30);
        }).ToList();
        return new IntersectionSignalModel(intersection.Id, movements, conflicts, phases, new Dictionary<string, Intergreen>());
    }
}
