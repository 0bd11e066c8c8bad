namespace EdgeCity.Actors.Cameras;

/// <summary>Published on the event stream whenever a camera goes up or down, with the reason in words (stream, model).</summary>
public sealed record CameraStatus(string CameraId, CameraState State, string Reason, DateTimeOffset At);
