namespace EdgeCity.Actors.Analytics;

/// <summary>The camera's stream is down: measurements say so until <see cref="CameraFeedUp"/>.</summary>
public sealed record CameraFeedDown(string CameraId, string Reason);
