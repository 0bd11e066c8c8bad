using EdgeCity.Domain.Detection;
using OpenCvSharp;

namespace EdgeCity.Vision.Privacy;

/// <summary>
/// Keeps each camera's newest blurred frame for the operator view. The inference thread offers its frames (with their
/// detections); while the store is enabled it copies at most one per <see cref="MinInterval"/> per camera, and a thread
/// of its own blurs faces and plates (<see cref="PrivacyBlur"/>) and encodes the JPEG, so inference never waits on it.
/// Newest only: a copy not yet blurred when the next arrives is replaced (and counted), never queued. On demand: only
/// cameras whose frame was asked for in the last <see cref="WatchedFor"/> are copied, because the face cascade costs
/// tens of milliseconds per frame on a 2-core box and nobody may be looking. Disabled, it takes nothing and starts no
/// thread: no frame exists outside the pipeline.
/// </summary>
public sealed class BlurredFrameStore : IDisposable
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Pending> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _lastTaken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _watched = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BlurredFrame> _latest = new(StringComparer.Ordinal);
    private readonly AutoResetEvent _wake = new(false);
    private readonly TimeProvider _time;
    private PrivacyBlurOptions _options = new();
    private Thread? _thread;
    private volatile bool _enabled;
    private volatile bool _stopping;

    public BlurredFrameStore(TimeProvider time) => _time = time;

    /// <summary>Most often a camera's frame is copied for blurring (default once a second).</summary>
    public TimeSpan MinInterval { get; private set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long after its last <see cref="Latest"/> call a camera's frames keep being blurred.</summary>
    public TimeSpan WatchedFor { get; set; } = TimeSpan.FromSeconds(10);

    public bool Enabled => _enabled;

    /// <summary>JPEG quality of the served frames.</summary>
    public int JpegQuality { get; set; } = 80;

    /// <summary>Told once when the cascades are missing (frames are then blurred by boxes only), and of blur failures.</summary>
    public Action<string>? Warn { get; set; }

    /// <summary>Told after each frame is blurred: its camera and the regions by source (for metrics).</summary>
    public Action<string, IReadOnlyList<PrivacyRegion>>? Blurred { get; set; }

    /// <summary>Told when a copy was replaced by a newer one before it was blurred.</summary>
    public Action<string>? Replaced { get; set; }

    /// <summary>Starts taking frames and the blurring thread. Idempotent.</summary>
    public void Enable(PrivacyBlurOptions options, TimeSpan minInterval)
    {
        lock (_gate)
        {
            if (_enabled)
            {
                return;
            }

            _options = options;
            MinInterval = minInterval;
            _thread = new Thread(Run) { IsBackground = true, Name = "privacy-blur" };
            _enabled = true;
            _thread.Start();
        }
    }

    /// <summary>
    /// Whether <see cref="Offer"/> would take a frame of this camera now (enabled, watched, its interval passed): lets
    /// a pipeline that hands its image back before the boxes are known copy it only when the copy will be used.
    /// </summary>
    public bool Wants(string cameraId)
    {
        if (!_enabled)
        {
            return false;
        }

        var now = _time.GetTimestamp();
        lock (_gate)
        {
            return _watched.TryGetValue(cameraId, out var asked) && _time.GetElapsedTime(asked, now) <= WatchedFor
                && (!_lastTaken.TryGetValue(cameraId, out var last) || _time.GetElapsedTime(last, now) >= MinInterval);
        }
    }

    /// <summary>
    /// Called on the inference thread with a frame it holds: copies it when enabled and the camera is due. Cheap when
    /// disabled or not due (one volatile read, one dictionary look-up). The caller keeps ownership of <paramref name="image"/>.
    /// </summary>
    public void Offer(string cameraId, long frameNumber, DateTimeOffset capturedAt, Mat image, IReadOnlyList<Detection> detections)
    {
        if (!_enabled || image.Empty())
        {
            return;
        }

        var now = _time.GetTimestamp();
        lock (_gate)
        {
            if (!_watched.TryGetValue(cameraId, out var asked) || _time.GetElapsedTime(asked, now) > WatchedFor)
            {
                return; // nobody looks at this camera: no copy, no blurring
            }

            if (_lastTaken.TryGetValue(cameraId, out var last) && _time.GetElapsedTime(last, now) < MinInterval)
            {
                return;
            }

            _lastTaken[cameraId] = now;
        }

        var copy = new Pending(cameraId, frameNumber, capturedAt, image.Clone(), [.. detections]);
        Pending? replaced;
        lock (_gate)
        {
            _pending.Remove(cameraId, out replaced);
            _pending[cameraId] = copy;
        }

        if (replaced is not null)
        {
            replaced.Image.Dispose();
            Replaced?.Invoke(cameraId);
        }

        _wake.Set();
    }

    /// <summary>
    /// The camera's newest blurred frame, or null when there is none (disabled, or no frame yet). Asking is also what
    /// keeps the camera's frames being blurred (see <see cref="WatchedFor"/>); when disabled it records nothing.
    /// </summary>
    public BlurredFrame? Latest(string cameraId)
    {
        lock (_gate)
        {
            if (_enabled)
            {
                _watched[cameraId] = _time.GetTimestamp();
            }

            return _latest.GetValueOrDefault(cameraId);
        }
    }

    /// <summary>Forgets a removed camera's frame.</summary>
    public void Forget(string cameraId)
    {
        lock (_gate)
        {
            _latest.Remove(cameraId);
            _lastTaken.Remove(cameraId);
            _watched.Remove(cameraId);
        }
    }

    public void Dispose()
    {
        _stopping = true;
        _enabled = false;
        _wake.Set();
        _thread?.Join(TimeSpan.FromSeconds(2));
        lock (_gate)
        {
            foreach (var p in _pending.Values)
            {
                p.Image.Dispose();
            }

            _pending.Clear();
        }
    }

    private void Run()
    {
        using var blur = new PrivacyBlur(_options);
        if (blur.MissingCascades.Count > 0)
        {
            Warn?.Invoke(blur.BoxesOnly
                ? $"privacy blur: no Haar cascade found ({string.Join(", ", blur.MissingCascades)}; install Debian's opencv-data): frames are blurred by the detector's person and vehicle boxes only"
                : $"privacy blur: cascades missing ({string.Join(", ", blur.MissingCascades)}); the others and the detector's boxes still blur");
        }

        var encode = new ImageEncodingParam(ImwriteFlags.JpegQuality, JpegQuality);
        while (!_stopping)
        {
            _wake.WaitOne(200);
            List<Pending> work;
            lock (_gate)
            {
                work = [.. _pending.Values];
                _pending.Clear();
            }

            foreach (var p in work)
            {
                using var image = p.Image;
                try
                {
                    var regions = blur.Apply(image, p.Detections);
                    var frame = new BlurredFrame(p.CameraId, p.FrameNumber, p.CapturedAt, image.ImEncode(".jpg", encode), regions.Count);
                    lock (_gate)
                    {
                        _latest[p.CameraId] = frame;
                    }

                    Blurred?.Invoke(p.CameraId, regions);
                }
                catch (Exception ex) when (ex is ArgumentException or OpenCVException)
                {
                    Warn?.Invoke($"privacy blur: camera {p.CameraId} frame {p.FrameNumber} not shown: {ex.Message}");
                }
            }
        }
    }

    /// <summary>A frame copy waiting for the blurring thread; a class, not a record: it is never a message.</summary>
    private sealed class Pending(string cameraId, long frameNumber, DateTimeOffset capturedAt, Mat image, Detection[] detections)
    {
        public string CameraId { get; } = cameraId;

        public long FrameNumber { get; } = frameNumber;

        public DateTimeOffset CapturedAt { get; } = capturedAt;

        public Mat Image { get; } = image;

        public Detection[] Detections { get; } = detections;
    }
}
