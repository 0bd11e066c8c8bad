using System.Net;
using System.Net.Sockets;
using System.Text;
using OpenCvSharp;

namespace EdgeCity.Vision.Tests.Support;

/// <summary>
/// A real MJPEG-over-HTTP camera on loopback (multipart/x-mixed-replace, the format FFmpeg's mpjpeg muxer writes and
/// cheap IP cameras serve), which a test can stop mid-stream and start again on the same port.
/// </summary>
public sealed class MjpegServer : IDisposable
{
    private readonly byte[][] _jpegs;
    private readonly int _fps;
    private readonly object _gate = new();
    private readonly List<TcpClient> _clients = [];
    private TcpListener? _listener;
    private volatile bool _stalled;
    private CancellationTokenSource? _cts;

    public MjpegServer(int fps = 25, int frames = 10)
    {
        _fps = fps;
        _jpegs = Enumerable.Range(0, frames).Select(i =>
        {
            using var m = new Mat(180, 320, MatType.CV_8UC3, new Scalar(i * 20 % 255, 128, 255 - (i * 20 % 255)));
            Cv2.PutText(m, $"frame {i}", new Point(20, 100), HersheyFonts.HersheySimplex, 1.5, Scalar.White, 2);
            return m.ImEncode(".jpg");
        }).ToArray();
        Port = FreePort();
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/stream.mjpg";

    /// <summary>Connections accepted since construction.</summary>
    public int Connections { get; private set; }

    public void Start()
    {
        lock (_gate)
        {
            _cts = new CancellationTokenSource();
            _listener = new TcpListener(IPAddress.Loopback, Port);
            _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            _listener.Start();
            _ = AcceptLoop(_listener, _cts.Token);
        }
    }

    /// <summary>Drops every client and stops listening: the camera "dies".</summary>
    public void Stop()
    {
        lock (_gate)
        {
            _cts?.Cancel();
            _listener?.Stop();
            foreach (var c in _clients)
            {
                try
                {
                    c.Client.LingerState = new LingerOption(true, 0); // reset, as a camera losing power would
                }
                catch (Exception)
                {
                    // already closed by its serving task
                }

                c.Dispose();
            }

            _clients.Clear();
            _listener = null;
        }
    }

    /// <summary>Keeps every connection open but sends nothing: a camera whose encoder hung (reads block, no error).</summary>
    public void Stall() => _stalled = true;

    public void Dispose() => Stop();

    private async Task AcceptLoop(TcpListener listener, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(ct);
            }
            catch (Exception)
            {
                return;
            }

            lock (_gate)
            {
                _clients.Add(client);
                Connections++;
            }

            _ = Serve(client, ct);
        }
    }

    private async Task Serve(TcpClient client, CancellationToken ct)
    {
        try
        {
            var stream = client.GetStream();
            var request = new byte[4096];
            _ = await stream.ReadAsync(request, ct); // the GET; any path is the stream
            var header = "HTTP/1.1 200 OK\r\nContent-Type: multipart/x-mixed-replace;boundary=ffmpeg\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(header), ct);
            for (var i = 0; !ct.IsCancellationRequested; i++)
            {
                if (_stalled)
                {
                    await Task.Delay(50, ct);
                    continue;
                }

                var jpeg = _jpegs[i % _jpegs.Length];
                var part = $"--ffmpeg\r\nContent-Type: image/jpeg\r\nContent-Length: {jpeg.Length}\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(part), ct);
                await stream.WriteAsync(jpeg, ct);
                await stream.WriteAsync("\r\n"u8.ToArray(), ct);
                await Task.Delay(1000 / _fps, ct);
            }
        }
        catch (Exception)
        {
            // client gone or server stopped
        }
        finally
        {
            client.Dispose();
        }
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}
