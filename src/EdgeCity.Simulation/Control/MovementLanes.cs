using EdgeCity.Domain.Signals;
using EdgeCity.Simulation.Network;

namespace EdgeCity.Simulation.Control;

/// <summary>
/// The SUMO lanes a movement is measured on: the lanes it leaves from, the lanes it feeds, and the lanes upstream of
/// short approach lanes that complete its detection zone.
/// </summary>
public sealed record MovementLanes(string MovementId, IReadOnlyList<string> InLanes, IReadOnlyList<string> OutLanes)
{
    /// <summary>
    /// How far upstream of the stop line a movement is watched through junctions without signals, metres: its approach
    /// back to the signal upstream (whose exit lanes these are, as seen by that junction or an advance loop), up to the
    /// queue one long green discharges (120 s at 1,800 vehicles an hour a lane, 7.5 m a vehicle: 450 m). City networks
    /// split roads into short edges (Bologna's acosta has approach lanes of 4, 12 and 16 m); a long approach lane is
    /// seen whole, so cutting a chain of short ones at 100 m made the planner weigh a main road's whole 336 m against a
    /// side street's first 100 m, whose queue reached back through an unsignalised junction to the junction before:
    /// the side street was starved and blocked that junction (acosta seed 1: 242.0 s mean delay at 100 m, 175.0 s here).
    /// </summary>
    public const double DetectionMeters = 500;

    /// <summary>Lanes before the approach lanes, through junctions without signals, up to <see cref="DetectionMeters"/>.</summary>
    public IReadOnlyList<UpstreamLane> Upstream { get; init; } = [];

    /// <summary>Maps every movement of a traffic light to its lanes through the link indices it drives.</summary>
    /// <param name="light">The traffic light.</param>
    /// <param name="model">Its signal model.</param>
    /// <param name="network">The network, to extend short approaches upstream; none when null.</param>
    public static IReadOnlyList<MovementLanes> Of(SumoTrafficLight light, IntersectionSignalModel model, SumoNetwork? network = null)
    {
        var lanes = model.Movements.Select(m =>
        {
            var connections = m.LinkIndices.SelectMany(i => light.Links.TryGetValue(i, out var c) ? c : []).ToList();
            return new MovementLanes(
                m.Id,
                m.Kind == MovementKind.Pedestrian ? [] : connections.Select(c => c.FromLaneId).Distinct().ToList(),
                m.Kind == MovementKind.Pedestrian ? [] : connections.Select(c => c.ToLaneId).Distinct().ToList());
        }).ToList();
        if (network is null)
        {
            return lanes;
        }

        var own = lanes.SelectMany(l => l.InLanes).ToHashSet(StringComparer.Ordinal);
        var feeders = network.Connections
            .Where(c => c.TrafficLight is null && network.Edges.TryGetValue(c.FromEdge, out var e) && e.IsNormal && network.Lanes.ContainsKey(c.FromLaneId))
            .ToLookup(c => c.ToLaneId, c => c.FromLaneId);
        var reach = lanes.Select(l => Reach(l.InLanes, feeders, network, own)).ToList();
        var movementsPerLane = reach.SelectMany(r => r.Keys).GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        return lanes.Select((l, i) => l with
        {
            Upstream = reach[i].Select(kv => new UpstreamLane(kv.Key, kv.Value, 1.0 / movementsPerLane[kv.Key])).ToList(),
        }).ToList();
    }

    /// <summary>Upstream lanes and the distance from their end to the stop line, breadth first.</summary>
    private static Dictionary<string, double> Reach(IReadOnlyList<string> inLanes, ILookup<string, string> feeders, SumoNetwork network, HashSet<string> own)
    {
        var found = new Dictionary<string, double>(StringComparer.Ordinal);
        var frontier = new Queue<(string Lane, double EndToStopLine)>(inLanes.Where(network.Lanes.ContainsKey).Select(l => (l, 0.0)));
        while (frontier.Count > 0)
        {
            var (lane, end) = frontier.Dequeue();
            var start = end + network.Lanes[lane].Length;
            if (start >= DetectionMeters)
            {
                continue;
            }

            foreach (var feeder in feeders[lane])
            {
                if (!own.Contains(feeder) && (!found.TryGetValue(feeder, out var known) || known > start))
                {
                    found[feeder] = start;
                    frontier.Enqueue((feeder, start));
                }
            }
        }

        return found;
    }
}
