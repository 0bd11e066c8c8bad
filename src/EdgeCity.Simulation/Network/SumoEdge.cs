namespace EdgeCity.Simulation.Network;

/// <summary>An edge (a road between two junctions, or an internal/crossing/walking-area edge inside one).</summary>
public sealed record SumoEdge(string Id, string? From, string? To, string? Function, string? Name, IReadOnlyList<SumoLane> Lanes)
{
    /// <summary>A road between junctions, as opposed to SUMO's internal, crossing and walking-area edges.</summary>
    public bool IsNormal => string.IsNullOrEmpty(Function) || Function == "normal";
}
