namespace EdgeCity.Node.Api;

/// <summary>An approach's latest measurement and, when asked for, its recent history.</summary>
public sealed record ApproachSnapshot(string Id, MeasurementSample? Latest, IReadOnlyList<MeasurementSample> History);
