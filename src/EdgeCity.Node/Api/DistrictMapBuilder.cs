using EdgeCity.Domain.Geometry;
using EdgeCity.Domain.Signals;
using EdgeCity.Domain.Sites;
using EdgeCity.Node.Hosting;
using EdgeCity.Simulation.Network;

namespace EdgeCity.Node.Api;

/// <summary>
/// Builds the <see cref="DistrictMap"/> from the site's SUMO network when it has a twin (real geometry), otherwise lays
/// the intersections out in a row with their approaches around them, so a site without geometry still gets a map.
/// Approaches carry the names an operator uses and phases the names of what they serve, both from the signal models
/// the coordinators run.
/// </summary>
public static class DistrictMapBuilder
{
    public static DistrictMap Build(SiteDefinition? site, string? sitePath, SiteSignalModels? models = null)
    {
        if (site is null)
        {
            return new DistrictMap("none", 0, 0, 100, 100, [], []);
        }

        models ??= new SiteSignalModels(new Dictionary<string, IntersectionSignalModel>());
        var zone = site.TimeZone ?? "UTC";
        if (site.Twin is { Net.Length: > 0 } twin && sitePath is not null)
        {
            var netPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(sitePath)) ?? ".", twin.Net);
            if (File.Exists(netPath))
            {
                return FromNetwork(site, SumoNetworkReader.Read(netPath), models) with { TimeZone = zone };
            }
        }

        return Schematic(site, models) with { TimeZone = zone };
    }

    /// <summary>Each phase's name by intersection and phase id, as the map shows them (the view names the running phase with it).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> PhaseNames(DistrictMap map) =>
        map.Intersections.ToDictionary(
            x => x.Id,
            x => (IReadOnlyDictionary<string, string>)x.Phases.GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal),
            StringComparer.Ordinal);

    private static DistrictMap FromNetwork(SiteDefinition site, SumoNetwork net, SiteSignalModels models)
    {
        var roads = net.NormalEdges
            .Select(e => e.Lanes.Count > 0 ? e.Lanes[e.Lanes.Count / 2].Shape : [])
            .Where(s => s.Count >= 2)
            .Select(s => (IReadOnlyList<double[]>)s.Select(P).ToList())
            .ToList();
        var intersections = new List<MapIntersection>();
        foreach (var x in site.Intersections)
        {
            var junction = net.Junctions.GetValueOrDefault(x.SumoTls ?? x.Id) ?? net.Junctions.GetValueOrDefault(x.Id);
            var centre = junction?.Position ?? new Point2(0, 0);
            var model = models.ById.GetValueOrDefault(x.Id);
            var labels = ApproachLabels.Of(x, net, model?.Movements.Select(m => m.Approach) ?? []);
            var approaches = x.Approaches.Select(a =>
            {
                var lane = a.SumoLanes.Select(l => net.Lanes.GetValueOrDefault(l)).FirstOrDefault(l => l is not null);
                IReadOnlyList<double[]> shape = lane is null ? [P(centre), P(centre)] : lane.Shape.Select(P).ToList();
                return new MapApproach(a.Id, a.Lanes, shape, labels[a.Id]);
            }).ToList();
            intersections.Add(new MapIntersection(x.Id, x.Name, centre.X, centre.Y, approaches, Phases(model, labels)));
        }

        var xs = roads.SelectMany(r => r).Select(p => p[0]).Concat(intersections.Select(i => i.X)).DefaultIfEmpty(0).ToList();
        var ys = roads.SelectMany(r => r).Select(p => p[1]).Concat(intersections.Select(i => i.Y)).DefaultIfEmpty(0).ToList();
        return new DistrictMap(site.Name, xs.Min(), ys.Min(), xs.Max(), ys.Max(), roads, intersections);
    }

    private static DistrictMap Schematic(SiteDefinition site, SiteSignalModels models)
    {
        const double spacing = 300, arm = 120;
        var intersections = site.Intersections.Select((x, i) =>
        {
            var cx = i * spacing;
            var model = models.ById.GetValueOrDefault(x.Id);
            var labels = ApproachLabels.Of(x, null, model?.Movements.Select(m => m.Approach) ?? []);
            var approaches = x.Approaches.Select((a, k) =>
            {
                var angle = Math.PI / 2 - k * 2 * Math.PI / Math.Max(4, x.Approaches.Count);
                IReadOnlyList<double[]> shape = [[cx + arm * Math.Cos(angle), arm * Math.Sin(angle)], [cx + 12 * Math.Cos(angle), 12 * Math.Sin(angle)]];
                return new MapApproach(a.Id, a.Lanes, shape, labels[a.Id]);
            }).ToList();
            return new MapIntersection(x.Id, x.Name, cx, 0, approaches, Phases(model, labels));
        }).ToList();
        var roads = intersections.SelectMany(i => i.Approaches.Select(a => a.Shape)).ToList();
        return new DistrictMap(site.Name, -arm, -arm, Math.Max(0, (intersections.Count - 1) * spacing) + arm, arm, roads, intersections);
    }

    private static IReadOnlyList<MapPhase> Phases(IntersectionSignalModel? model, IReadOnlyDictionary<string, string> labels) =>
        model is null ? [] : model.Phases.Select(p => new MapPhase(p.Id, Domain.Signals.PhaseNames.Name(model, p, a => labels.GetValueOrDefault(a, a)))).ToList();

    private static double[] P(Point2 p) => [Math.Round(p.X, 1), Math.Round(p.Y, 1)];
}
