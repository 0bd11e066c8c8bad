using OpenCvSharp;

namespace EdgeCity.Vision.Capture;

/// <summary>
/// An opened OpenCV <see cref="VideoCapture"/> for a URL, file or V4L2 device. Network streams go through the FFMPEG
/// back-end with open and read timeouts, so a dead camera fails a read within the timeout instead of blocking for ever.
/// Blocking: use it only on a capture thread.
/// </summary>
public sealed class VideoFrameSource : IFrameSource
{
    // cv::CAP_PROP_OPEN_TIMEOUT_MSEC and cv::CAP_PROP_READ_TIMEOUT_MSEC; OpenCvSharp's enum does not name them.
    private const int OpenTimeoutProperty = 53;
    private const int ReadTimeoutProperty = 54;
    private const int DecodeThreadsProperty = 70; // cv::CAP_PROP_N_THREADS

    private readonly VideoCapture _capture;

    private VideoFrameSource(VideoCapture capture, string source, bool isFile)
    {
        _capture = capture;
        Source = source;
        IsFile = isFile;
        Fps = capture.Fps;
        Width = capture.FrameWidth;
        Height = capture.FrameHeight;
    }

    public string Source { get; }

    public bool IsFile { get; }

    /// <summary>Frame rate the source reports (0 when unknown).</summary>
    public double Fps { get; }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The last frame's presentation time (OpenCV's CAP_PROP_POS_MSEC) for files; null for devices and streams.</summary>
    public double? PositionSeconds => IsFile && _capture.Get(VideoCaptureProperties.PosMsec) is var ms && ms >= 0 ? ms / 1000.0 : null;

    /// <summary>Opens the source with the decoder <see cref="FrameSourceOptions.Backend"/> asks for; throws <see cref="FrameSourceException"/> naming it.</summary>
    public static IFrameSource OpenAny(FrameSourceOptions options)
    {
        var network = options.Source.Contains("://", StringComparison.Ordinal) && !options.Source.StartsWith("file://", StringComparison.Ordinal);
        return options.Backend == CaptureBackend.FfmpegProcess || (options.Backend == CaptureBackend.Auto && network)
            ? FfmpegPipeSource.Open(options)
            : Open(options);
    }

    /// <summary>Opens the source; throws <see cref="FrameSourceException"/> naming it when it cannot be opened.</summary>
    public static VideoFrameSource Open(FrameSourceOptions options)
    {
        var source = options.Source;
        var isDevice = source.StartsWith("/dev/video", StringComparison.Ordinal) || int.TryParse(source, out _);
        var isUrl = source.Contains("://", StringComparison.Ordinal);
        var isFile = !isDevice && !isUrl;
        if (isFile && !File.Exists(source))
        {
            throw new FrameSourceException($"video file not found: {Path.GetFullPath(source)}");
        }

        VideoCapture capture;
        try
        {
            if (isDevice)
            {
                var index = int.TryParse(source, out var i) ? i : int.Parse(source["/dev/video".Length..], System.Globalization.CultureInfo.InvariantCulture);
                capture = new VideoCapture(index, VideoCaptureAPIs.V4L2);
            }
            else
            {
                int[] parameters = [OpenTimeoutProperty, (int)options.OpenTimeout.TotalMilliseconds, ReadTimeoutProperty, (int)options.ReadTimeout.TotalMilliseconds, DecodeThreadsProperty, options.DecodeThreads];
                capture = new VideoCapture(source, VideoCaptureAPIs.FFMPEG, parameters);
            }
        }
        catch (Exception ex) when (ex is OpenCVException or ArgumentException or FormatException)
        {
            throw new FrameSourceException($"{Redact(source)}: cannot open ({ex.Message})", ex);
        }

        if (!capture.IsOpened())
        {
            capture.Dispose();
            throw new FrameSourceException($"{Redact(source)}: cannot open (unreachable, refused, timed out after {options.OpenTimeout.TotalSeconds:0.#} s, or not a video)");
        }

        return new VideoFrameSource(capture, source, isFile);
    }

    /// <summary>Reads the next frame into <paramref name="into"/> (reusing its memory); false at the end or on a failed read.</summary>
    public bool Read(Mat into) => _capture.Read(into) && !into.Empty();

    /// <summary>Files only: back to the first frame.</summary>
    public bool Rewind() => _capture.Set(VideoCaptureProperties.PosFrames, 0);

    /// <summary>The source as it may appear in logs and metrics: credentials in a URL are hidden.</summary>
    public static string Redact(string source)
    {
        var scheme = source.IndexOf("://", StringComparison.Ordinal);
        var at = source.IndexOf('@', StringComparison.Ordinal);
        return scheme > 0 && at > scheme ? source[..(scheme + 3)] + "***" + source[at..] : source;
    }

    public void Dispose() => _capture.Dispose();
}
