namespace EdgeCity.Actors.Analytics;

/// <summary>The new lines and zones are in use.</summary>
public sealed record AnalyticsReconfigured(string CameraId, int Lines, int Zones);
