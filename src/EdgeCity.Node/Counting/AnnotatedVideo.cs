using OpenCvSharp;

namespace EdgeCity.Node.Counting;

/// <summary>
/// The annotated video of a count, as MJPEG AVI, played at the footage's real pace: a file's frame rate, or for a live
/// stream (whose stated rate is often a decoder default) the rate measured over its first frames, which are held until
/// then. Disposing writes any held frames and closes the file.
/// </summary>
public sealed class AnnotatedVideo(string path, double? framesPerSecond) : IDisposable
{
    private const int MeasureFrames = 30;
    private readonly List<(Mat Frame, double Seconds)> _held = [];
    private VideoWriter? _writer;

    public int Written { get; private set; }

    public double FramesPerSecond { get; private set; } = framesPerSecond ?? 0;

    public void Write(Mat frame, double seconds)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (_writer is null && FramesPerSecond <= 0)
        {
            _held.Add((frame.Clone(), seconds));
            if (_held.Count >= MeasureFrames)
            {
                Flush();
            }

            return;
        }

        Open(frame.Size());
        _writer!.Write(frame);
        Written++;
    }

    public void Dispose()
    {
        Flush();
        _writer?.Dispose();
        _writer = null;
    }

    private void Flush()
    {
        if (_held.Count == 0)
        {
            return;
        }

        var span = _held[^1].Seconds - _held[0].Seconds;
        FramesPerSecond = _held.Count > 1 && span > 0 ? (_held.Count - 1) / span : 10;
        Open(_held[0].Frame.Size());
        foreach (var (frame, _) in _held)
        {
            _writer!.Write(frame);
            Written++;
            frame.Dispose();
        }

        _held.Clear();
    }

    private void Open(Size size) => _writer ??= new VideoWriter(path, FourCC.MJPG, FramesPerSecond, size);
}
