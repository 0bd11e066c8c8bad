using EdgeCity.Domain.Geometry;
using EdgeCity.Domain.Sites;
using EdgeCity.Simulation.Network;

namespace EdgeCity.Node.Api;

/// <summary>
/// What an operator calls each approach of an intersection: the site file's name for it; otherwise, where the twin's
/// network has the geometry, the compass point its traffic comes from and the street's name ("N Via Costa"); otherwise
/// its id. Keyed by the ids phases use (site approach ids, and the SUMO edges the signal model names approaches by).
/// Two approaches that would read the same get their ids added, so no phase name is ambiguous.
/// </summary>
internal static class ApproachLabels
{
    public static IReadOnlyDictionary<string, string> Of(IntersectionDefinition intersection, SumoNetwork? net, IEnumerable<string> modelApproaches)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var a in intersection.Approaches)
        {
            var label = a.Name is { Length: > 0 } name ? name : FromNetwork(net, a.SumoLanes.FirstOrDefault(), a.SumoEdges.FirstOrDefault()) ?? a.Id;
            labels[a.Id] = label;
            foreach (var edge in a.SumoEdges.Take(1))
            {
                labels.TryAdd(edge, label); // the SUMO model names the approach by the edge at the stop line
            }
        }

        foreach (var edge in modelApproaches.Where(e => !labels.ContainsKey(e)))
        {
            labels[edge] = FromNetwork(net, null, edge) ?? edge;
        }

        var ambiguous = labels.GroupBy(kv => kv.Value, StringComparer.Ordinal)
            .Where(g => g.Select(kv => Canonical(intersection, kv.Key)).Distinct(StringComparer.Ordinal).Count() > 1)
            .SelectMany(g => g.Select(kv => kv.Key))
            .ToList();
        foreach (var key in ambiguous)
        {
            labels[key] = $"{labels[key]} ({Canonical(intersection, key)})";
        }

        return labels;
    }

    private static string? FromNetwork(SumoNetwork? net, string? laneId, string? edgeId)
    {
        if (net is null)
        {
            return null;
        }

        var edge = edgeId is null ? null : net.Edges.GetValueOrDefault(edgeId);
        var lane = (laneId is null ? null : net.Lanes.GetValueOrDefault(laneId)) ?? edge?.Lanes.FirstOrDefault();
        if (lane is not { Shape.Count: >= 2 })
        {
            return null;
        }

        var (a, b) = (lane.Shape[^2], lane.Shape[^1]);
        var from = CompassPoint.ArrivingFrom(b.X - a.X, b.Y - a.Y);
        var street = (edge ?? net.Edges.GetValueOrDefault(lane.EdgeId))?.Name;
        return from is null ? street : street is { Length: > 0 } ? $"{from} {street}" : from;
    }

    /// <summary>The site approach an id stands for (its own id, or the approach whose stop-line edge it is).</summary>
    private static string Canonical(IntersectionDefinition intersection, string key) =>
        intersection.Approaches.FirstOrDefault(a => a.Id == key || a.SumoEdges.FirstOrDefault() == key)?.Id ?? key;
}
