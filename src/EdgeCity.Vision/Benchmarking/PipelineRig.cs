using System.Diagnostics;
using EdgeCity.Domain.Detection;
using EdgeCity.Vision.Capture;
using EdgeCity.Vision.Inference;

namespace EdgeCity.Vision.Benchmarking;

/// <summary>
/// The whole camera pipeline, kept running between measured blocks so raw and pipeline blocks can alternate every few
/// seconds: one capture thread per camera decoding the clip into its newest-frame slot, and a host thread that
/// letterboxes into one lane of an <see cref="OverlappedDetector"/> and decodes the boxes of the other while its runner
/// runs the model, exactly as the node's inference loop does. Between blocks the captures wait for
/// the consumer (files), so they cost nothing while the raw blocks run.
/// </summary>
internal sealed class PipelineRig : IDisposable
{
    private readonly LatestFrameSlot[] _slots;
    private readonly CameraCapture[] _captures;
    private readonly AutoResetEvent _arrived = new(false);
    private readonly OverlappedDetector _detector;
    private readonly Letterbox[,] _letterboxes;
    private readonly List<Detection> _found = new(512);
    private readonly int _batch;
    private readonly Thread _host;
    private readonly SemaphoreSlim _go = new(0);
    private readonly SemaphoreSlim _finished = new(0);
    private int _frames;
    private bool _closing;
    private Exception? _error;

    public PipelineRig(DetectionModel model, string clip, int batch)
    {
        _batch = batch;
        _slots = new LatestFrameSlot[batch];
        _captures = new CameraCapture[batch];
        var options = new FrameSourceOptions { Source = clip, LoopFile = true, PaceFile = false, WaitForConsumer = true };
        for (var c = 0; c < batch; c++)
        {
            _slots[c] = new LatestFrameSlot();
            _slots[c].OnFrameArrived(() => _arrived.Set());
            _captures[c] = new CameraCapture($"bench-{c}", options, _slots[c], new BenchCaptureObserver(), TimeProvider.System, new ReconnectBackoff());
            _captures[c].Start();
        }

        _detector = new OverlappedDetector(model);
        _letterboxes = new Letterbox[2, batch];
        _host = new Thread(Host) { IsBackground = true, Name = "bench-inference" };
        _host.Start();
    }

    /// <summary>Runs the pipeline until <paramref name="frames"/> more frames have been decoded into boxes.</summary>
    public PipelineBlock Run(int frames)
    {
        _frames = frames;
        _go.Release();
        _finished.Wait();
        return _error is null ? Last : throw new InvalidOperationException("the pipeline failed: " + _error.Message, _error);
    }

    private PipelineBlock Last { get; set; }

    private void Host()
    {
        while (true)
        {
            _go.Wait();
            if (_closing)
            {
                return;
            }

            try
            {
                Last = Block(_frames);
            }
            catch (Exception ex)
            {
                _error = ex;
            }

            _finished.Release();
        }
    }

    private PipelineBlock Block(int frames)
    {
        long done = 0, coreBytes = 0, detections = 0;
        var cpu = BenchClock.ProcessCpuMs(); // before the allocation count: reading it allocates
        var totalBytes = GC.GetTotalAllocatedBytes(precise: true);
        var t = Stopwatch.GetTimestamp();
        while (done < frames)
        {
            var lane = _detector.Filling;
            var filled = 0;
            while (filled < _batch)
            {
                if (_slots[filled].TryTake(out var frame))
                {
                    var before = GC.GetAllocatedBytesForCurrentThread();
                    _letterboxes[lane, filled] = _detector.Lane(lane).Prepare(filled, frame.Image);
                    coreBytes += GC.GetAllocatedBytesForCurrentThread() - before;
                    filled++;
                }
                else
                {
                    _arrived.WaitOne(5); // as the inference loop does: sleep until a capture publishes
                }
            }

            var b0 = GC.GetAllocatedBytesForCurrentThread();
            var other = _detector.Other;
            var finished = _detector.Submit(_batch, out var error);
            detections += DecodeLane(other, finished, error);
            coreBytes += GC.GetAllocatedBytesForCurrentThread() - b0;
            done += finished;
        }

        // The batch still running belongs to this block: wait for it, so the raw block after runs alone.
        var b1 = GC.GetAllocatedBytesForCurrentThread();
        var last = _detector.Other;
        var count = _detector.Collect(last, out var lastError);
        detections += DecodeLane(last, count, lastError);
        coreBytes += GC.GetAllocatedBytesForCurrentThread() - b1;
        done += count;
        var seconds = Stopwatch.GetElapsedTime(t).TotalSeconds;
        totalBytes = GC.GetTotalAllocatedBytes(precise: true) - totalBytes;
        cpu = BenchClock.ProcessCpuMs() - cpu;
        return new PipelineBlock(done, seconds, coreBytes, totalBytes, detections, cpu);
    }

    private long DecodeLane(int lane, int count, Exception? error)
    {
        if (error is not null)
        {
            throw new InvalidOperationException("a model run failed: " + error.Message, error);
        }

        var detections = 0L;
        for (var i = 0; i < count; i++)
        {
            _detector.Lane(lane).Decode(i, _letterboxes[lane, i], _found);
            detections += _found.Count;
        }

        return detections;
    }

    public void Dispose()
    {
        _closing = true;
        _go.Release();
        _host.Join();
        foreach (var c in _captures)
        {
            c.Stop(TimeSpan.FromSeconds(5));
        }

        foreach (var s in _slots)
        {
            s.Release();
        }

        _detector.Dispose();
        _arrived.Dispose();
        _go.Dispose();
        _finished.Dispose();
    }
}
