using OpenCvSharp;

namespace EdgeCity.Vision.Capture;

/// <summary>An opened video stream, file or device that decodes frames into BGR <see cref="Mat"/>s; blocking, so capture threads only.</summary>
public interface IFrameSource : IDisposable
{
    /// <summary>The source as configured (URLs with credentials are redacted when shown).</summary>
    string Source { get; }

    bool IsFile { get; }

    /// <summary>Frame rate the source reports (0 when unknown).</summary>
    double Fps { get; }

    int Width { get; }

    int Height { get; }

    /// <summary>Reads the next frame into <paramref name="into"/> (reusing its memory); false at the end, on a failed read or a read timeout.</summary>
    bool Read(Mat into);

    /// <summary>Files only: back to the first frame.</summary>
    bool Rewind();

    /// <summary>
    /// The last frame read's own timestamp in seconds from the start (a file's presentation time), or null when the
    /// source has none (a piped live stream: its frames are timed on arrival).
    /// </summary>
    double? PositionSeconds => null;
}
