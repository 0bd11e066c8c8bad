namespace EdgeCity.Actors.Analytics;

/// <summary>The new lines or zones were invalid; the previous ones stay in use. The reason names the line or zone.</summary>
public sealed record AnalyticsReconfigurationRejected(string CameraId, string Reason);
