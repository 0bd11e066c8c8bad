namespace EdgeCity.Simulation.Control;

/// <summary>
/// A lane upstream of a movement's approach lanes, read as part of its detection zone: how far its end lies from the
/// stop line, and the share of its vehicles counted for this movement (it may feed several movements' lanes).
/// </summary>
public sealed record UpstreamLane(string LaneId, double MetersToStopLine, double Share);
