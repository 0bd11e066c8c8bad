namespace EdgeCity.Vision.Privacy;

/// <summary>A camera's newest frame with faces and plates blurred, encoded as JPEG: the only form in which a frame is shown.</summary>
public sealed record BlurredFrame(string CameraId, long FrameNumber, DateTimeOffset CapturedAt, byte[] Jpeg, int RegionsBlurred);
