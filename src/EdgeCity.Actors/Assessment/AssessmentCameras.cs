using System.Text;
using EdgeCity.Domain.Assessment;
using EdgeCity.Domain.Sites;
using EdgeCity.Vision.Assessment;
using EdgeCity.Vision.Capture;

namespace EdgeCity.Actors.Assessment;

/// <summary>
/// The box's own cameras on a disaster site: each read on its capture thread (reconnecting with backoff, like the
/// traffic cameras) into a latest-frame slot, from which the assessment takes one frame per camera each round, posed
/// from the camera's definition. A camera that is down is reported once per outage as a problem, never silently skipped.
/// </summary>
public sealed class AssessmentCameras : IDisposable
{
    private readonly List<(AssessmentCameraDefinition Camera, CameraCapture Capture, Status Status)> _cameras = [];

    public AssessmentCameras(IReadOnlyList<AssessmentCameraDefinition> cameras, Func<string, FrameSourceOptions> sourceOptions, ReconnectBackoff backoff)
    {
        foreach (var c in cameras)
        {
            var status = new Status();
            var capture = new CameraCapture(c.Id, sourceOptions(c.Source), new LatestFrameSlot(), status, TimeProvider.System, backoff);
            capture.Start();
            _cameras.Add((c, capture, status));
        }
    }

    public int Count => _cameras.Count;

    /// <summary>The newest frame of each camera that has one since the last round (copied: the slot's frame is reused).</summary>
    public List<IngestedImage> TakeFrames(Action<IngestProblem> problem)
    {
        var frames = new List<IngestedImage>();
        foreach (var (camera, capture, status) in _cameras)
        {
            if (status.TakeDownReason() is { } down)
            {
                problem(new IngestProblem(camera.Id, $"camera down: {down}"));
            }

            if (!capture.Slot.TryTake(out var frame) || frame.Image.Empty())
            {
                continue;
            }

            var pose = new ImagePose(new GeoPoint(camera.Latitude, camera.Longitude), frame.CapturedAt, camera.HeightAboveGround, camera.Heading, camera.Pitch, camera.FovDegrees);
            var digest = FindingId.DigestOf(Encoding.UTF8.GetBytes($"camera:{camera.Id}:{frame.CapturedAt.UtcTicks}:{frame.FrameNumber}"));
            frames.Add(new IngestedImage(frame.Image.Clone(), $"camera:{camera.Id}", (int)Math.Min(int.MaxValue, frame.FrameNumber), digest, pose));
        }

        return frames;
    }

    public void Dispose()
    {
        foreach (var (_, capture, _) in _cameras)
        {
            capture.Stop(TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>What a capture reports; a new outage is handed to the next round once.</summary>
    private sealed class Status : ICaptureObserver
    {
        private string? _pending;
        private bool _down;

        public string? TakeDownReason() => Interlocked.Exchange(ref _pending, null);

        public void StreamUp(string description) => _down = false;

        public void StreamDown(string reason, TimeSpan retryIn)
        {
            if (!_down)
            {
                _down = true;
                _pending = $"{reason}; retrying in {retryIn.TotalSeconds:F1} s";
            }
        }

        public void Reconnecting(int attempt)
        {
        }

        public void FrameCaptured()
        {
        }

        public void FrameDropped(string reason)
        {
        }

        public void Ended()
        {
        }
    }
}
