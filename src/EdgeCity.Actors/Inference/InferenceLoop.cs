using Akka.Actor;
using Akka.Event;
using EdgeCity.Actors.Cameras;
using EdgeCity.Domain.Detection;
using EdgeCity.Domain.Geometry;
using EdgeCity.Vision.Capture;
using EdgeCity.Vision.Inference;
using EdgeCity.Vision.Privacy;
using Microsoft.ML.OnnxRuntime;

namespace EdgeCity.Actors.Inference;

/// <summary>
/// The inference thread of one model (never the actor dispatcher): waits for new frames in the attached cameras'
/// slots, takes the newest of each in turn, batches them when the model's batch is dynamic (up to the max batch, for at
/// most the max wait), runs the shared session and sends each camera its <see cref="FrameDetections"/>.
/// </summary>
public sealed class InferenceLoop
{
    private readonly DetectionModel _model;
    private readonly DetectorOptions _options;
    private readonly TimeProvider _time;
    private readonly ILoggingAdapter _log;
    private readonly BlurredFrameStore? _frames;
    private readonly object _gate = new();
    private readonly List<Feed> _feeds = [];
    private readonly List<LatestFrameSlot> _toRelease = [];
    private readonly AutoResetEvent _wake = new(false);
    private readonly Thread _thread;
    private volatile bool _stopping;
    private int _next;

    /// <summary>Prepares the thread; <paramref name="frames"/> (when given) is offered each inferred frame for the operator view, and takes nothing unless enabled.</summary>
    public InferenceLoop(DetectionModel model, DetectorOptions options, TimeProvider time, ILoggingAdapter log, BlurredFrameStore? frames = null)
    {
        _frames = frames;
        _model = model;
        _options = options;
        _time = time;
        _log = log;
        _thread = new Thread(Run) { IsBackground = true, Name = $"inference-{model.Name}" };
    }

    public void Start() => _thread.Start();

    /// <summary>Takes frames from <paramref name="slot"/> for <paramref name="cameraId"/>, replacing an earlier slot of that camera.</summary>
    public void Attach(string cameraId, LatestFrameSlot slot, IActorRef camera)
    {
        lock (_gate)
        {
            var old = _feeds.FindIndex(f => f.CameraId == cameraId);
            if (old >= 0)
            {
                _toRelease.Add(_feeds[old].Slot);
                _feeds.RemoveAt(old);
            }

            _feeds.Add(new Feed(cameraId, slot, camera, CameraMetrics.FramesInferred.WithLabels(cameraId),
                CameraMetrics.InferenceSeconds.WithLabels(cameraId), CameraMetrics.EndToEndSeconds.WithLabels(cameraId)));
        }

        slot.OnFrameArrived(() => _wake.Set());
        _wake.Set();
    }

    /// <summary>Stops reading <paramref name="slot"/>; it is released by this thread once no frame of it is in use.</summary>
    public void Detach(string cameraId, LatestFrameSlot slot)
    {
        slot.OnFrameArrived(null);
        lock (_gate)
        {
            var i = _feeds.FindIndex(f => f.CameraId == cameraId && ReferenceEquals(f.Slot, slot));
            if (i >= 0)
            {
                _feeds.RemoveAt(i);
                _toRelease.Add(slot);
            }
        }

        _wake.Set();
    }

    /// <summary>Stops the thread (after the batch in hand) and releases every slot.</summary>
    public void Stop(TimeSpan timeout)
    {
        _stopping = true;
        _wake.Set();
        _thread.Join(timeout);
    }

    private void Run()
    {
        var provider = _model.ProviderLabel;
        var batchSize = CameraMetrics.BatchSize.WithLabels(_model.Name, provider);
        using var detector = new Detector(_model);
        var max = detector.MaxBatch;
        var taken = new (Feed Feed, CapturedFrame Frame)[max];
        var letterboxes = new Letterbox[max];
        var found = new List<Detection>(64);
        var canWait = _model.FixedBatch is null && max > 1 && _options.MaxBatchWait > TimeSpan.Zero;
        try
        {
            while (!_stopping)
            {
                ReleaseDetached();
                var count = Gather(taken, 0, max);
                if (count == 0)
                {
                    _wake.WaitOne(100);
                    continue;
                }

                if (canWait && count < max && count < FeedCount())
                {
                    // Other cameras' frames are due: wait a little so they share this run instead of queueing behind it.
                    var deadline = _time.GetTimestamp();
                    while (count < max && _time.GetElapsedTime(deadline) < _options.MaxBatchWait && !_stopping)
                    {
                        _wake.WaitOne(_options.MaxBatchWait);
                        count = Gather(taken, count, max);
                    }
                }

                var started = _time.GetTimestamp();
                var ready = 0;
                for (var i = 0; i < count; i++)
                {
                    try
                    {
                        letterboxes[ready] = detector.Prepare(ready, taken[i].Frame.Image);
                        taken[ready++] = taken[i];
                    }
                    catch (Exception ex) when (ex is ArgumentException or OpenCvSharp.OpenCVException)
                    {
                        CameraMetrics.FramesDropped.WithLabels(taken[i].Feed.CameraId, "bad_frame").Inc();
                        _log.Warning("camera {0}: frame {1} skipped: {2}", taken[i].Feed.CameraId, taken[i].Frame.FrameNumber, ex.Message);
                    }
                }

                if (ready == 0)
                {
                    continue;
                }

                try
                {
                    detector.Run(ready);
                }
                catch (OnnxRuntimeException ex)
                {
                    for (var i = 0; i < ready; i++)
                    {
                        CameraMetrics.FramesDropped.WithLabels(taken[i].Feed.CameraId, "inference_error").Inc();
                    }

                    _log.Error("model {0}: run failed on {1} frames: {2}", _model.Name, ready, ex.Message);
                    _wake.WaitOne(TimeSpan.FromMilliseconds(200)); // do not spin on a failing GPU
                    continue;
                }

                batchSize.Observe(ready);
                for (var i = 0; i < ready; i++)
                {
                    var (feed, frame) = taken[i];
                    detector.Decode(i, letterboxes[i], found);
                    var detections = new FrameDetections(feed.CameraId, frame.FrameNumber, frame.CapturedAt, frame.Image.Width, frame.Image.Height, found.ToArray());
                    var inferSeconds = _time.GetElapsedTime(started).TotalSeconds;
                    feed.Inferred.Inc();
                    feed.InferenceSeconds.Observe(inferSeconds);
                    feed.EndToEndSeconds.Observe(_time.GetElapsedTime(frame.CapturedTimestamp).TotalSeconds);
                    feed.Camera.Tell(new FrameInferred(detections));
                    _frames?.Offer(feed.CameraId, frame.FrameNumber, frame.CapturedAt, frame.Image, detections.Detections);
                }
            }
        }
        catch (Exception ex)
        {
            _log.Error(ex, "model {0}: inference thread failed", _model.Name);
        }
        finally
        {
            lock (_gate)
            {
                _toRelease.AddRange(_feeds.Select(f => f.Slot));
                _feeds.Clear();
            }

            ReleaseDetached();
        }
    }

    private int FeedCount()
    {
        lock (_gate)
        {
            return _feeds.Count;
        }
    }

    // Round-robin over cameras so one fast camera cannot starve the others of batch places.
    private int Gather((Feed Feed, CapturedFrame Frame)[] taken, int count, int max)
    {
        lock (_gate)
        {
            var n = _feeds.Count;
            for (var k = 0; k < n && count < max; k++)
            {
                var feed = _feeds[(_next + k) % n];
                if (Holds(taken, count, feed))
                {
                    continue;
                }

                if (feed.Slot.TryTake(out var frame))
                {
                    taken[count++] = (feed, frame);
                }
            }

            _next = n == 0 ? 0 : (_next + 1) % n;
        }

        return count;
    }

    private static bool Holds((Feed Feed, CapturedFrame Frame)[] taken, int count, Feed feed)
    {
        // A second take from the same slot would recycle the frame already in this batch.
        for (var i = 0; i < count; i++)
        {
            if (ReferenceEquals(taken[i].Feed, feed))
            {
                return true;
            }
        }

        return false;
    }

    private void ReleaseDetached()
    {
        LatestFrameSlot[] release;
        lock (_gate)
        {
            if (_toRelease.Count == 0)
            {
                return;
            }

            release = _toRelease.ToArray();
            _toRelease.Clear();
        }

        foreach (var slot in release)
        {
            slot.Release();
        }
    }

    private sealed record Feed(string CameraId, LatestFrameSlot Slot, IActorRef Camera, Prometheus.Counter.Child Inferred, Prometheus.Histogram.Child InferenceSeconds, Prometheus.Histogram.Child EndToEndSeconds);
}
