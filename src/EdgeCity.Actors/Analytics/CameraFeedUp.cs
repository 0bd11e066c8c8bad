namespace EdgeCity.Actors.Analytics;

/// <summary>The camera's stream is back.</summary>
public sealed record CameraFeedUp(string CameraId);
