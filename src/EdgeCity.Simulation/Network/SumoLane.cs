using EdgeCity.Domain.Geometry;

namespace EdgeCity.Simulation.Network;

/// <summary>One lane of a SUMO network: its centre line in network metres, width, length and speed limit.</summary>
public sealed record SumoLane(string Id, string EdgeId, int Index, double Length, double Width, double Speed, IReadOnlyList<Point2> Shape, string? Allow)
{
    /// <summary>SUMO's default lane width when the network does not give one.</summary>
    public const double DefaultWidth = 3.2;

    /// <summary>True when only bicycles may use the lane.</summary>
    public bool IsBicycleOnly => Allow is not null && Allow.Split(' ').All(a => a == "bicycle");

    /// <summary>True when only pedestrians may use the lane (sidewalks).</summary>
    public bool IsSidewalk => Allow is not null && Allow.Split(' ').All(a => a == "pedestrian");
}
