using EdgeCity.Vision.Capture;

namespace EdgeCity.Actors.Cameras;

/// <summary>What one camera actor runs: its id, source, model and limits.</summary>
public sealed record CameraSettings(string CameraId, FrameSourceOptions Source, string Model, ReconnectBackoff Backoff, TimeSpan Watchdog);
