namespace EdgeCity.Node.Api;

/// <summary>The body of <c>PUT /api/cameras/{id}/analytics</c>: the camera's new count lines and lane zones (they replace the old ones).</summary>
public sealed record AnalyticsPayload(IReadOnlyList<CountLinePayload>? CountLines, IReadOnlyList<ZonePayload>? Zones);
