using Akka.Actor;
using Akka.Event;
using EdgeCity.Actors.Cameras;
using EdgeCity.Domain.Detection;
using EdgeCity.Domain.Geometry;
using EdgeCity.Vision.Capture;
using EdgeCity.Vision.Inference;
using EdgeCity.Vision.Privacy;

namespace EdgeCity.Actors.Inference;

/// <summary>
/// The inference thread of one model (never the actor dispatcher): waits for new frames in the attached cameras'
/// slots, takes the newest of each in turn, batches them when the model's batch is dynamic (up to the max batch, for at
/// most the max wait), and sends each camera its <see cref="FrameDetections"/>. The shared session runs on an
/// <see cref="OverlappedDetector"/>'s runner thread, so letterboxing the next batch and decoding the boxes of the last
/// one overlap the model's run instead of adding to it (a prepared batch waits at most one run).
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
        RequestStop();
        Join(timeout);
    }

    /// <summary>Asks the loop to stop after its current run, without waiting.</summary>
    public void RequestStop()
    {
        _stopping = true;
        _wake.Set();
    }

    /// <summary>Waits up to <paramref name="timeout"/> for the loop's thread to end; true when it has.</summary>
    public bool Join(TimeSpan timeout) => _thread.Join(timeout);

    private void Run()
    {
        var provider = _model.ProviderLabel;
        var batchSize = CameraMetrics.BatchSize.WithLabels(_model.Name, provider);
        using var detector = new OverlappedDetector(_model);
        var max = detector.MaxBatch;
        var taken = new (Feed Feed, CapturedFrame Frame)[max];
        var lanes = new[] { new InFlight[max], new InFlight[max] };
        // The operator view's copies of in-flight frames, beside the lanes: a frame stays out of message-shaped types.
        var snapshots = new[] { new OpenCvSharp.Mat?[max], new OpenCvSharp.Mat?[max] };
        var started = new long[2];
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
                    if (detector.OtherBusy)
                    {
                        // Nothing new to prepare: send the batch in flight as soon as it is done, not with the next one.
                        Send(detector, detector.Other, detector.Collect(detector.Other, out var failure), failure, lanes, snapshots, started, found, batchSize);
                    }
                    else
                    {
                        _wake.WaitOne(100);
                    }

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

                // Letterbox into the free lane while the model runs the other one; a frame's image is not needed after.
                var lane = detector.Filling;
                var inFlight = lanes[lane];
                started[lane] = _time.GetTimestamp();
                var ready = 0;
                for (var i = 0; i < count; i++)
                {
                    var (feed, frame) = taken[i];
                    try
                    {
                        var letterbox = detector.Lane(lane).Prepare(ready, frame.Image);
                        // The image goes back to its slot now; the operator view's copy (only while someone watches
                        // this camera, at most once a second) waits for the boxes it is blurred by.
                        snapshots[lane][ready] = _frames is not null && _frames.Wants(feed.CameraId) ? frame.Image.Clone() : null;
                        inFlight[ready++] = new InFlight(feed, frame.FrameNumber, frame.CapturedAt, frame.CapturedTimestamp, frame.Image.Width, frame.Image.Height, letterbox);
                    }
                    catch (Exception ex) when (ex is ArgumentException or OpenCvSharp.OpenCVException)
                    {
                        CameraMetrics.FramesDropped.WithLabels(feed.CameraId, "bad_frame").Inc();
                        _log.Warning("camera {0}: frame {1} skipped: {2}", feed.CameraId, frame.FrameNumber, ex.Message);
                    }
                }

                if (ready == 0)
                {
                    continue;
                }

                var other = detector.Other;
                var finished = detector.Submit(ready, out var error);
                Send(detector, other, finished, error, lanes, snapshots, started, found, batchSize);
            }
        }
        catch (Exception ex)
        {
            _log.Error(ex, "model {0}: inference thread failed", _model.Name);
        }
        finally
        {
            foreach (var lane in snapshots)
            {
                foreach (var snapshot in lane)
                {
                    snapshot?.Dispose();
                }
            }

            lock (_gate)
            {
                _toRelease.AddRange(_feeds.Select(f => f.Slot));
                _feeds.Clear();
            }

            ReleaseDetached();
        }
    }

    // Decodes a lane's finished batch and sends each camera its detections (or counts the frames dropped when the run failed).
    private void Send(OverlappedDetector detector, int lane, int count, Exception? error, InFlight[][] lanes, OpenCvSharp.Mat?[][] laneSnapshots, long[] started, List<Detection> found, Prometheus.Histogram.Child batchSize)
    {
        if (count == 0)
        {
            return;
        }

        var inFlight = lanes[lane];
        var snapshots = laneSnapshots[lane];
        if (error is not null)
        {
            for (var i = 0; i < count; i++)
            {
                CameraMetrics.FramesDropped.WithLabels(inFlight[i].Feed.CameraId, "inference_error").Inc();
                snapshots[i]?.Dispose();
                snapshots[i] = null;
                inFlight[i] = default;
            }

            _log.Error("model {0}: run failed on {1} frames: {2}", _model.Name, count, error.Message);
            _wake.WaitOne(TimeSpan.FromMilliseconds(200)); // do not spin on a failing GPU
            return;
        }

        batchSize.Observe(count);
        for (var i = 0; i < count; i++)
        {
            var f = inFlight[i];
            var decoder = detector.Lane(lane).Decoder;
            var (traffic, skipped) = (decoder.TrafficCandidates, decoder.NonTrafficSkips);
            detector.Lane(lane).Decode(i, f.Letterbox, found);
            CheckView(f.Feed, decoder.TrafficCandidates - traffic, decoder.NonTrafficSkips - skipped, decoder);
            var detections = new FrameDetections(f.Feed.CameraId, f.FrameNumber, f.CapturedAt, f.Width, f.Height, found.ToArray());
            f.Feed.Inferred.Inc();
            f.Feed.InferenceSeconds.Observe(_time.GetElapsedTime(started[lane]).TotalSeconds);
            f.Feed.EndToEndSeconds.Observe(_time.GetElapsedTime(f.CapturedTimestamp).TotalSeconds);
            f.Feed.Camera.Tell(new FrameInferred(detections));
            if (snapshots[i] is { } snapshot)
            {
                _frames?.Offer(f.Feed.CameraId, f.FrameNumber, f.CapturedAt, snapshot, detections.Detections);
                snapshot.Dispose();
                snapshots[i] = null;
            }

            inFlight[i] = default; // do not keep a detached camera's feed alive
        }
    }

    // A camera whose model sees mostly non-traffic classes looks at the road from a view the model was not trained for:
    // said once per camera, with what it saw instead (ViewCheck).
    private void CheckView(Feed feed, long traffic, long skipped, DetectionDecoder decoder)
    {
        feed.Traffic += traffic;
        feed.Skipped += skipped;
        if (!feed.ViewWarned && ViewCheck.Dominated(feed.Traffic, feed.Skipped))
        {
            feed.ViewWarned = true;
            _log.Warning("camera {0}: {1}", feed.CameraId, ViewCheck.NonTrafficWarning(_model.Name, feed.Traffic, feed.Skipped, decoder.NonTrafficSkipsByClass()));
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

    // What a prepared frame still needs once its batch has run: the image itself is back in its slot by then.
    private readonly record struct InFlight(Feed Feed, long FrameNumber, DateTimeOffset CapturedAt, long CapturedTimestamp, int Width, int Height, Letterbox Letterbox);

    private sealed record Feed(string CameraId, LatestFrameSlot Slot, IActorRef Camera, Prometheus.Counter.Child Inferred, Prometheus.Histogram.Child InferenceSeconds, Prometheus.Histogram.Child EndToEndSeconds)
    {
        /// <summary>This camera's candidates of traffic classes and of others (before NMS), for <see cref="ViewCheck"/>.</summary>
        public long Traffic;
        public long Skipped;
        public bool ViewWarned;
    }
}
