using EdgeCity.Domain.Counting;

namespace EdgeCity.Domain.Measurements;

/// <summary>Vehicles of one class counted on one line in one direction during a reporting interval.</summary>
public sealed record LineClassCount(string LineId, CrossingDirection Direction, string ClassName, int Count);
