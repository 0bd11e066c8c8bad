namespace EdgeCity.Node.Api;

/// <summary>An approach on the map: points from upstream to the stop line, and its lane count (queues are drawn along it).</summary>
public sealed record MapApproach(string Id, int Lanes, IReadOnlyList<double[]> Shape);
