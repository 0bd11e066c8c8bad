namespace EdgeCity.Actors.Cameras;

/// <summary>From a capture thread to its camera actor: the stream went up, down or ended.</summary>
internal sealed record CaptureStateChanged(int Generation, CameraState State, string Reason);
