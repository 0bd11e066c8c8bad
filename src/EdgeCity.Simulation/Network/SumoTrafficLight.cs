namespace EdgeCity.Simulation.Network;

/// <summary>
/// A traffic light as the network defines it: its programs, the connections each link index drives, the junctions
/// it controls (more than one when SUMO joined a cluster) and the incoming edges that form its approaches.
/// </summary>
public sealed record SumoTrafficLight(
    string Id,
    IReadOnlyList<SumoProgram> Programs,
    IReadOnlyDictionary<int, IReadOnlyList<SumoConnection>> Links,
    IReadOnlyList<string> Junctions,
    IReadOnlyList<string> ApproachEdges)
{
    /// <summary>Number of link indices, the length of the state string.</summary>
    public int LinkCount => Programs.Count > 0 ? Programs[0].Phases[0].State.Length : (Links.Count == 0 ? 0 : Links.Keys.Max() + 1);
}
