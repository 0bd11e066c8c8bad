namespace EdgeCity.Actors.Assessment;

/// <summary>One entry of a box's change feed: the change number and the finding as it stands after it.</summary>
public sealed record FindingChange(long Change, FindingWire Finding);
