using Akka.Actor;
using EdgeCity.Vision.Capture;
using Prometheus;

namespace EdgeCity.Actors.Cameras;

/// <summary>
/// Turns what a capture thread reports into metrics (directly: counters are thread-safe) and into messages to its
/// camera actor (state changes only, never one per frame). Reports carry the capture's generation so the camera can
/// ignore a capture it has already replaced.
/// </summary>
internal sealed class CaptureReporter(string cameraId, int generation, IActorRef camera) : ICaptureObserver
{
    private readonly Counter.Child _captured = CameraMetrics.FramesCaptured.WithLabels(cameraId);
    private readonly Counter.Child _superseded = CameraMetrics.FramesDropped.WithLabels(cameraId, "superseded");
    private readonly Counter.Child _rateLimited = CameraMetrics.FramesDropped.WithLabels(cameraId, "rate_limit");
    private readonly Counter.Child _reconnects = CameraMetrics.Reconnects.WithLabels(cameraId);

    public void StreamUp(string description) => camera.Tell(new CaptureStateChanged(generation, CameraState.Up, description));

    public void StreamDown(string reason, TimeSpan retryIn) =>
        camera.Tell(new CaptureStateChanged(generation, CameraState.Down, $"{reason}; retrying in {retryIn.TotalSeconds:0.0} s"));

    public void Reconnecting(int attempt) => _reconnects.Inc();

    public void FrameCaptured() => _captured.Inc();

    public void FrameDropped(string reason) => (reason == "rate_limit" ? _rateLimited : _superseded).Inc();

    public void Ended() => camera.Tell(new CaptureStateChanged(generation, CameraState.Ended, "end of file"));
}
