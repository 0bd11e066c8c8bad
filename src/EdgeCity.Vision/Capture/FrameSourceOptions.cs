namespace EdgeCity.Vision.Capture;

/// <summary>How one camera's stream is opened and read.</summary>
public sealed record FrameSourceOptions
{
    /// <summary>rtsp:// or http(s):// URL, a file path, a V4L2 device (/dev/video0) or a device index.</summary>
    public required string Source { get; init; }

    /// <summary>Which decoder opens the source.</summary>
    public CaptureBackend Backend { get; init; } = CaptureBackend.Auto;

    /// <summary>The ffmpeg executable used by <see cref="CaptureBackend.FfmpegProcess"/>.</summary>
    public string FfmpegPath { get; init; } = "ffmpeg";

    /// <summary>How long opening a network stream may take before it counts as failed (FFMPEG open timeout).</summary>
    public TimeSpan OpenTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one read may block before it counts as failed (FFMPEG read timeout).</summary>
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Decoder threads per camera (0: FFmpeg's choice, one per core). One by default: a box decodes several cameras and
    /// runs inference on the same cores, and more decoder threads per stream only add contention.
    /// </summary>
    public int DecodeThreads { get; init; } = 1;

    /// <summary>Files only: start again at the end (true) or end the camera (false).</summary>
    public bool LoopFile { get; init; } = true;

    /// <summary>Files only: read at the file's own frame rate like a live camera (true), or as fast as decoding allows.</summary>
    public bool PaceFile { get; init; } = true;

    /// <summary>Files only: wait for the consumer to take each frame instead of replacing it (offline analysis, benchmarks).</summary>
    public bool WaitForConsumer { get; init; }

    /// <summary>Upper bound on frames per second handed on; frames above it are dropped at the source; 0: no limit.</summary>
    public double MaxFps { get; init; }
}
