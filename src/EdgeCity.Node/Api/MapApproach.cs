namespace EdgeCity.Node.Api;

/// <summary>
/// An approach on the map: points from upstream to the stop line, its lane count (queues are drawn along it), and what
/// an operator calls it (<see cref="ApproachLabels"/>).
/// </summary>
public sealed record MapApproach(string Id, int Lanes, IReadOnlyList<double[]> Shape, string Label);
