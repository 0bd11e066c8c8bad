using EdgeCity.Domain.Sites;
using EdgeCity.Simulation.Network;

namespace EdgeCity.Simulation.Twin;

/// <summary>Turns any SUMO network into a site: one intersection per traffic light, its approaches, its plan, and optionally a simulated camera per approach.</summary>
public static class SiteFromSumo
{
    /// <param name="network">The network read from <paramref name="netPath"/>.</param>
    /// <param name="name">The site's name.</param>
    /// <param name="netPath">How the site file refers to the network (relative to the site file).</param>
    /// <param name="routes">Route files for the twin, relative to the site file.</param>
    /// <param name="cameras">Add one simulated camera per approach.</param>
    /// <param name="twinPort">The port <c>edgecity twin serve</c> will serve the cameras on.</param>
    /// <param name="onlyLights">Restrict to these traffic lights (all when empty).</param>
    public static SiteDefinition Generate(
        SumoNetwork network, string name, string netPath, IReadOnlyList<string> routes, bool cameras, int twinPort = 8090, IReadOnlyCollection<string>? onlyLights = null)
    {
        var intersections = new List<IntersectionDefinition>();
        var cameraList = new List<CameraDefinition>();
        foreach (var signal in SumoSignalModelBuilder.BuildAll(network))
        {
            var tls = signal.TrafficLight;
            if (tls.Programs.Count == 0 || (onlyLights is { Count: > 0 } && !onlyLights.Contains(tls.Id)))
            {
                continue;
            }

            var approaches = new List<ApproachDefinition>();
            foreach (var edgeId in tls.ApproachEdges)
            {
                var edge = network.Edges[edgeId];
                var lanes = edge.Lanes.Where(l => !l.IsSidewalk).OrderBy(l => l.Index).Select(l => l.Id).ToList();
                if (lanes.Count is 0 or > 12)
                {
                    continue;
                }

                approaches.Add(new ApproachDefinition { Id = edgeId, Name = edge.Name, Lanes = lanes.Count, SumoEdges = [edgeId], SumoLanes = lanes });
                if (cameras)
                {
                    var id = $"{tls.Id}-{edgeId}";
                    cameraList.Add(CameraPlacement.ForApproach(network, id, tls.Id, edgeId, edge, $"http://127.0.0.1:{twinPort}/{id}.mjpg"));
                }
            }

            intersections.Add(new IntersectionDefinition
            {
                Id = tls.Id,
                SumoTls = tls.Id,
                Controller = "schedule", // EdgeCity's own adaptive controller, on the SUMO program's phases and bounds
                Plan = PlanOf(signal),
                Approaches = approaches,
            });
        }

        return new SiteDefinition
        {
            Name = name,
            Twin = new TwinDefinition { Net = netPath, Routes = routes },
            Intersections = intersections,
            Cameras = cameraList,
        };
    }

    private static PlanDefinition? PlanOf(SumoSignalModel signal)
    {
        var program = signal.Program;
        if (program.Steps.Count == 0 || program.CycleSeconds is <= 0 or > 600)
        {
            return null;
        }

        var phases = program.Steps.Where(s => s.IsGreenStage).GroupBy(s => s.PhaseId!).Select(g =>
        {
            var green = g.Sum(s => s.DurationSeconds);
            var min = Math.Min(g.Sum(s => s.MinSeconds), green);
            var max = Math.Max(g.Sum(s => s.MaxSeconds), green);
            if (min == max)
            {
                // A static program has no bounds; give the controller room around SUMO's green (at least 5 s, at most 1.5 times).
                (min, max) = (Math.Min(green, Math.Max(5, Math.Round(green / 3))), Math.Round(green * 1.5));
            }

            return new PlanPhaseDefinition { Id = g.Key, GreenSeconds = green, MinGreenSeconds = min, MaxGreenSeconds = max };
        }).ToList();
        return phases.Count == 0 || phases.Sum(p => p.GreenSeconds) >= program.CycleSeconds
            ? null
            : new PlanDefinition { Program = program.Id, CycleSeconds = program.CycleSeconds, OffsetSeconds = program.OffsetSeconds % program.CycleSeconds, Phases = phases };
    }
}
