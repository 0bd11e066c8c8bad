using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using OpenCvSharp;

namespace EdgeCity.Vision.Capture;

/// <summary>
/// A network stream decoded by the system's <c>ffmpeg</c> into a YUV4MPEG pipe (the approach Frigate takes):
/// <c>-rw_timeout</c> / <c>-timeout</c> bound ffmpeg's own network waits, and a deadline timer kills ffmpeg when one
/// frame takes longer than the read timeout, so a dead camera fails a read instead of hanging. Reads are synchronous
/// into one pinned buffer (no allocation per frame) and converted to BGR into the caller's <see cref="Mat"/>; the
/// process is killed on dispose.
/// </summary>
public sealed class FfmpegPipeSource : IFrameSource
{
    private readonly Process _process;
    private readonly Stream _stdout;
    private readonly StderrTail _stderr;
    private readonly TimeSpan _readTimeout;
    private readonly byte[] _yuv;
    private readonly GCHandle _pin;
    private readonly Mat _yuvMat;
    private readonly byte[] _line = new byte[256];
    private readonly Timer _deadline;
    private readonly InputArray _yuvIn;

    // Cv2.CvtColor wraps its Mats in new InputArray/OutputArray objects on every call; the capture reuses its Mats, so
    // one wrapper per Mat passed to the native call directly keeps reads free of managed allocations.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<Mat, OutputArray> _outputs = [];

    private FfmpegPipeSource(Process process, StderrTail stderr, string source, int width, int height, double fps, TimeSpan readTimeout)
    {
        _process = process;
        _stdout = process.StandardOutput.BaseStream;
        _stderr = stderr;
        Source = source;
        Width = width;
        Height = height;
        Fps = fps;
        _readTimeout = readTimeout;
        _yuv = new byte[width * height * 3 / 2];
        _pin = GCHandle.Alloc(_yuv, GCHandleType.Pinned);
        _yuvMat = Mat.FromPixelData(height * 3 / 2, width, MatType.CV_8UC1, _pin.AddrOfPinnedObject());
        _yuvIn = InputArray.Create(_yuvMat);
        _deadline = new Timer(static p => Kill((Process)p!, dispose: false), process, Timeout.Infinite, Timeout.Infinite);
    }

    public string Source { get; }

    public bool IsFile => false;

    public double Fps { get; }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Starts ffmpeg and reads the stream header within the open timeout.</summary>
    public static FfmpegPipeSource Open(FrameSourceOptions options)
    {
        var shown = VideoFrameSource.Redact(options.Source);
        var info = new ProcessStartInfo(options.FfmpegPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        // ffmpeg's own I/O timeout also bounds connecting, so it gets the longer of the two: a slow connect on a busy
        // box is not a stalled stream. Reads still fail at ReadTimeout: each Read has its own deadline below.
        var ioTimeout = options.ReadTimeout > options.OpenTimeout ? options.ReadTimeout : options.OpenTimeout;
        var micros = ((long)ioTimeout.TotalMilliseconds * 1000).ToString(CultureInfo.InvariantCulture);
        foreach (var a in new[] { "-hide_banner", "-nostdin", "-loglevel", "error" })
        {
            info.ArgumentList.Add(a);
        }

        if (options.Source.StartsWith("rtsp", StringComparison.OrdinalIgnoreCase))
        {
            info.ArgumentList.Add("-rtsp_transport");
            info.ArgumentList.Add("tcp");
            info.ArgumentList.Add("-timeout");
            info.ArgumentList.Add(micros);
        }
        else
        {
            info.ArgumentList.Add("-rw_timeout");
            info.ArgumentList.Add(micros);
        }

        if (options.DecodeThreads > 0)
        {
            info.ArgumentList.Add("-threads");
            info.ArgumentList.Add(options.DecodeThreads.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var a in new[] { "-i", options.Source, "-an", "-sn", "-dn", "-f", "yuv4mpegpipe", "-pix_fmt", "yuv420p", "pipe:1" })
        {
            info.ArgumentList.Add(a);
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new FrameSourceException($"{shown}: ffmpeg did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new FrameSourceException($"{shown}: cannot start '{options.FfmpegPath}' to read network streams ({ex.Message}); install ffmpeg (./edgecity does)", ex);
        }

        var stderr = new StderrTail(process, options.Source, shown);
        try
        {
            var buffer = new byte[256];
            int n;
            var timedOut = false;
            using (new Timer(_ => { timedOut = true; Kill(process, dispose: false); }, null, options.OpenTimeout, Timeout.InfiniteTimeSpan))
            {
                n = ReadLine(process.StandardOutput.BaseStream, buffer);
            }

            if (n < 0)
            {
                process.WaitForExit(500); // let the last stderr lines (the reason) arrive
                var why = Volatile.Read(ref timedOut)
                    ? $"cannot open within {options.OpenTimeout.TotalSeconds:0.#} s"
                    : $"ffmpeg ended before the stream's first frame (exit code {(process.HasExited ? process.ExitCode.ToString(CultureInfo.InvariantCulture) : "?")})";
                throw new FrameSourceException($"{shown}: {why}{stderr.Describe()}");
            }

            var (w, h, fps) = ParseHeader(System.Text.Encoding.ASCII.GetString(buffer, 0, n), shown);
            return new FfmpegPipeSource(process, stderr, options.Source, w, h, fps, options.ReadTimeout);
        }
        catch
        {
            Kill(process);
            throw;
        }
    }

    public bool Read(Mat into)
    {
        _deadline.Change(_readTimeout, Timeout.InfiniteTimeSpan);
        try
        {
            var n = ReadLine(_stdout, _line);
            if (n < 5 || !_line.AsSpan(0, 5).SequenceEqual("FRAME"u8))
            {
                return false;
            }

            _stdout.ReadExactly(_yuv);
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or ObjectDisposedException)
        {
            return false; // ffmpeg exited: stream ended, failed, or the deadline killed it
        }
        finally
        {
            _deadline.Change(Timeout.Infinite, Timeout.Infinite);
        }

        var output = _outputs.GetValue(into, static m => OutputArray.Create(m));
        OpenCvSharp.Internal.NativeMethods.HandleException(OpenCvSharp.Internal.NativeMethods.imgproc_cvtColor(
            _yuvIn.CvPtr, output.CvPtr, (int)ColorConversionCodes.YUV2BGR_I420, 0));
        GC.KeepAlive(into);
        return true;
    }

    public bool Rewind() => false;

    /// <summary>Kills ffmpeg so a read blocked on its pipe returns at once; safe from any thread, the reader still disposes.</summary>
    public void Interrupt() => Kill(_process, dispose: false);

    /// <summary>The last lines ffmpeg wrote to stderr (why a stream failed), or empty.</summary>
    public string LastError => _stderr.Describe();

    public void Dispose()
    {
        _deadline.Dispose();
        Kill(_process);
        _yuvIn.Dispose();
        _yuvMat.Dispose();
        _pin.Free();
    }

    private static (int W, int H, double Fps) ParseHeader(string header, string shown)
    {
        if (!header.StartsWith("YUV4MPEG2", StringComparison.Ordinal))
        {
            throw new FrameSourceException($"{shown}: unexpected ffmpeg output '{header[..Math.Min(40, header.Length)]}'");
        }

        int w = 0, h = 0;
        double fps = 0;
        foreach (var token in header.Split(' '))
        {
            if (token.StartsWith('W'))
            {
                w = int.Parse(token.AsSpan(1), CultureInfo.InvariantCulture);
            }
            else if (token.StartsWith('H'))
            {
                h = int.Parse(token.AsSpan(1), CultureInfo.InvariantCulture);
            }
            else if (token.StartsWith('F') && token.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
            {
                var den = double.Parse(token.AsSpan(colon + 1), CultureInfo.InvariantCulture);
                fps = den > 0 ? double.Parse(token.AsSpan(1, colon - 1), CultureInfo.InvariantCulture) / den : 0;
            }
        }

        return w > 0 && h > 0 && w % 2 == 0 && h % 2 == 0
            ? (w, h, fps)
            : throw new FrameSourceException($"{shown}: unsupported frame size {w}x{h} in '{header}'");
    }

    // Reads one line (without '\n') into buffer; returns its length, or -1 at the end of the stream. Lines are short:
    // the stream header and "FRAME".
    private static int ReadLine(Stream stream, byte[] buffer)
    {
        var n = 0;
        Span<byte> one = stackalloc byte[1];
        while (true)
        {
            if (stream.Read(one) == 0)
            {
                return -1;
            }

            if (one[0] == (byte)'\n')
            {
                return n;
            }

            if (n < buffer.Length)
            {
                buffer[n++] = one[0];
            }
        }
    }

    private static void Kill(Process process, bool dispose = true)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                if (dispose)
                {
                    process.WaitForExit(2000);
                }
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // already gone
        }

        if (dispose)
        {
            process.Dispose();
        }
    }

    /// <summary>Keeps the last few stderr lines of ffmpeg for error messages, draining the pipe so ffmpeg never blocks on it.</summary>
    private sealed class StderrTail
    {
        private readonly Queue<string> _lines = new();

        // ffmpeg repeats the URL in its messages: the credentials in it are hidden like everywhere else.
        public StderrTail(Process process, string source, string shown)
        {
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is { Length: > 0 } raw)
                {
                    var line = raw.Replace(source, shown, StringComparison.Ordinal);
                    lock (_lines)
                    {
                        _lines.Enqueue(line);
                        if (_lines.Count > 3)
                        {
                            _lines.Dequeue();
                        }
                    }
                }
            };
            process.BeginErrorReadLine();
        }

        public string Describe()
        {
            lock (_lines)
            {
                return _lines.Count == 0 ? string.Empty : ": " + string.Join(" | ", _lines);
            }
        }
    }
}
