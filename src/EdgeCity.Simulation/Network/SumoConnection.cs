namespace EdgeCity.Simulation.Network;

/// <summary>
/// A connection from one lane to another. When a traffic light drives it, <see cref="TrafficLight"/> and
/// <see cref="LinkIndex"/> name the light and its position in the signal state string.
/// </summary>
public sealed record SumoConnection(
    string FromEdge,
    string ToEdge,
    int FromLane,
    int ToLane,
    string? Via,
    string? TrafficLight,
    int LinkIndex,
    string Direction,
    string State)
{
    public string FromLaneId => $"{FromEdge}_{FromLane}";

    public string ToLaneId => $"{ToEdge}_{ToLane}";
}
