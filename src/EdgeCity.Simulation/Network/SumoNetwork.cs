namespace EdgeCity.Simulation.Network;

/// <summary>What EdgeCity reads from a SUMO <c>.net.xml</c>: edges and lanes, junctions, connections and traffic lights.</summary>
public sealed record SumoNetwork(
    string Source,
    IReadOnlyDictionary<string, SumoEdge> Edges,
    IReadOnlyDictionary<string, SumoLane> Lanes,
    IReadOnlyDictionary<string, SumoJunction> Junctions,
    IReadOnlyList<SumoConnection> Connections,
    IReadOnlyDictionary<string, SumoTrafficLight> TrafficLights)
{
    /// <summary>Junctions of type traffic_light*, the signalised ones.</summary>
    public IEnumerable<SumoJunction> SignalisedJunctions => Junctions.Values.Where(j => j.IsSignalised);

    /// <summary>Roads between junctions (not internal, crossing or walking-area edges).</summary>
    public IEnumerable<SumoEdge> NormalEdges => Edges.Values.Where(e => e.IsNormal);
}
