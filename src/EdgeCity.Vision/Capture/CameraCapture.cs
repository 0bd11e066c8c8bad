namespace EdgeCity.Vision.Capture;

/// <summary>
/// Reads one camera on a thread of its own (never the actor dispatcher): open, read frames into a
/// <see cref="LatestFrameSlot"/>, and on failure close, wait an exponential backoff with jitter and open again, until
/// stopped. A hung read cannot be interrupted; a watchdog that sees <see cref="StalledFor"/> grow calls
/// <see cref="Abandon"/> and starts a new capture with a new slot, and this thread frees its native memory when the
/// read finally returns.
/// </summary>
public sealed class CameraCapture
{
    private readonly string _cameraId;
    private readonly FrameSourceOptions _options;
    private readonly ICaptureObserver _observer;
    private readonly TimeProvider _time;
    private readonly ReconnectBackoff _backoff;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private readonly Random _random;
    private long _progressTimestamp;
    private volatile bool _inRead;
    private long _frameNumber;
    private volatile IFrameSource? _current;

    public CameraCapture(string cameraId, FrameSourceOptions options, LatestFrameSlot slot, ICaptureObserver observer, TimeProvider time, ReconnectBackoff backoff, long firstFrameNumber = 0)
    {
        _cameraId = cameraId;
        _options = options;
        Slot = slot;
        _observer = observer;
        _time = time;
        _backoff = backoff;
        _frameNumber = firstFrameNumber;
        _random = new Random(HashCode.Combine(cameraId, Environment.TickCount64));
        _thread = new Thread(Run) { IsBackground = true, Name = $"capture-{cameraId}" };
    }

    /// <summary>The slot this capture writes to; it releases its side when its thread ends.</summary>
    public LatestFrameSlot Slot { get; }

    /// <summary>Frames read so far (continues across captures of the same camera).</summary>
    public long FrameNumber => Interlocked.Read(ref _frameNumber);

    /// <summary>How long the current read has been blocked; zero when not inside a read.</summary>
    public TimeSpan StalledFor => _inRead ? _time.GetElapsedTime(Interlocked.Read(ref _progressTimestamp)) : TimeSpan.Zero;

    public void Start() => _thread.Start();

    /// <summary>
    /// Asks the thread to stop after the current read or wait, without waiting for it. A read blocked on an ffmpeg
    /// pipe is cut short by killing ffmpeg; an OpenCV read cannot be interrupted and returns at its own timeout.
    /// </summary>
    public void Abandon()
    {
        _stop.Cancel();
        (_current as FfmpegPipeSource)?.Interrupt();
    }

    /// <summary>Stops the thread and waits up to <paramref name="timeout"/> for it (a read may be hung: then it is left to finish alone).</summary>
    public bool Stop(TimeSpan timeout)
    {
        _stop.Cancel();
        return !_thread.IsAlive || _thread.Join(timeout);
    }

    private void Run()
    {
        var cancel = _stop.Token;
        var attempt = 0;
        var opened = false;
        try
        {
            while (!cancel.IsCancellationRequested)
            {
                if (opened || attempt > 0)
                {
                    _observer.Reconnecting(attempt + 1);
                }

                string reason;
                try
                {
                    using var source = VideoFrameSource.OpenAny(_options);
                    _current = source;
                    if (cancel.IsCancellationRequested)
                    {
                        return;
                    }

                    opened = true;
                    _observer.StreamUp($"{source.Width}x{source.Height} at {source.Fps:0.##} fps");
                    var (ended, why, gotFrames) = ReadUntilFailure(source, cancel);
                    if (gotFrames)
                    {
                        attempt = 0; // a stream that delivered starts its backoff afresh
                    }

                    if (ended)
                    {
                        _observer.Ended();
                        return;
                    }

                    reason = why;
                }
                catch (FrameSourceException ex)
                {
                    reason = ex.Message;
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    reason = $"{VideoFrameSource.Redact(_options.Source)}: {ex.GetType().Name}: {ex.Message}";
                }

                if (cancel.IsCancellationRequested)
                {
                    return;
                }

                var delay = _backoff.DelayFor(attempt++, _random.NextDouble());
                _observer.StreamDown(reason, delay);
                cancel.WaitHandle.WaitOne(delay);
            }
        }
        finally
        {
            _current = null;
            Slot.Release();
        }
    }

    private (bool Ended, string Reason, bool GotFrames) ReadUntilFailure(IFrameSource source, CancellationToken cancel)
    {
        var minInterval = _options.MaxFps > 0 ? TimeSpan.FromSeconds(1 / _options.MaxFps) : TimeSpan.Zero;
        var filePeriod = source.IsFile && _options.PaceFile && source.Fps > 0 ? TimeSpan.FromSeconds(1 / source.Fps) : TimeSpan.Zero;
        var lastPublished = long.MinValue;
        var nextDue = _time.GetTimestamp();
        var got = false;
        while (!cancel.IsCancellationRequested)
        {
            var frame = Slot.Back;
            Interlocked.Exchange(ref _progressTimestamp, _time.GetTimestamp());
            _inRead = true;
            bool ok;
            try
            {
                ok = source.Read(frame.Image);
            }
            finally
            {
                _inRead = false;
            }

            if (cancel.IsCancellationRequested)
            {
                break;
            }

            if (!ok)
            {
                if (source.IsFile && got)
                {
                    if (!_options.LoopFile)
                    {
                        return (true, "end of file", got);
                    }

                    if (source.Rewind() && source.Read(frame.Image))
                    {
                        ok = true;
                    }
                }

                if (!ok)
                {
                    return (false, source.IsFile && !got
                        ? $"{source.Source}: no frame could be decoded (truncated or corrupt file?)"
                        : $"{VideoFrameSource.Redact(source.Source)}: read failed or timed out after {_options.ReadTimeout.TotalSeconds:0.#} s (stream ended or camera gone){(source as FfmpegPipeSource)?.LastError}", got);
                }
            }

            got = true;
            var now = _time.GetTimestamp();
            frame.FrameNumber = Interlocked.Increment(ref _frameNumber);
            frame.CapturedAt = _time.GetUtcNow();
            frame.CapturedTimestamp = now;
            _observer.FrameCaptured();

            if (filePeriod > TimeSpan.Zero)
            {
                // Paced file: behave like a live camera; sleeping here only holds this capture's own thread.
                nextDue += (long)(filePeriod.TotalSeconds * _time.TimestampFrequency);
                var wait = TimeSpan.FromSeconds((double)(nextDue - now) / _time.TimestampFrequency);
                if (wait > TimeSpan.Zero)
                {
                    cancel.WaitHandle.WaitOne(wait);
                }
                else if (wait < -TimeSpan.FromSeconds(1))
                {
                    nextDue = now; // fell behind (slow decode): do not try to catch up in a burst
                }
            }

            if (minInterval > TimeSpan.Zero && lastPublished != long.MinValue && _time.GetElapsedTime(lastPublished, now) < minInterval)
            {
                _observer.FrameDropped("rate_limit");
                continue;
            }

            lastPublished = now;
            if (Slot.Publish(_options.WaitForConsumer && source.IsFile, cancel))
            {
                _observer.FrameDropped("superseded");
            }
        }

        return (false, "stopped", got);
    }

    public override string ToString() => $"capture {_cameraId} ({VideoFrameSource.Redact(_options.Source)})";

}
