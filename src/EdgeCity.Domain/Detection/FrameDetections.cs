namespace EdgeCity.Domain.Detection;

/// <summary>
/// Everything detected in one camera frame, stamped with the moment the frame was captured (not when inference ran),
/// so speeds and latencies are computed from real time, never from an assumed frame rate.
/// </summary>
public sealed record FrameDetections(
    string CameraId,
    long FrameNumber,
    DateTimeOffset CapturedAt,
    int FrameWidth,
    int FrameHeight,
    IReadOnlyList<Detection> Detections);
