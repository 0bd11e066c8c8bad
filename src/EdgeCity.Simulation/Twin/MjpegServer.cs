using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EdgeCity.Simulation.Twin;

/// <summary>
/// Serves simulated cameras as MJPEG over HTTP on 127.0.0.1 (<c>/{camera}.mjpg</c>, a snapshot at <c>/{camera}.jpg</c>,
/// a list at <c>/</c>), the way many IP cameras do. Each client gets the latest frame; a slow client skips frames
/// rather than queueing them (skips are counted in <see cref="FramesSkipped"/>).
/// </summary>
public sealed class MjpegServer : IAsyncDisposable
{
    private const string Boundary = "edgecityframe";
    private readonly TcpListener _listener;
    private readonly ConcurrentDictionary<string, Channel> _cameras = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private long _skipped;
    private int _clients;

    public MjpegServer(IEnumerable<string> cameraIds, int port = 0)
    {
        foreach (var id in cameraIds)
        {
            _cameras[id] = new Channel();
        }

        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = Task.Run(AcceptLoop);
    }

    public int Port { get; }

    /// <summary>Frames a client never received because a newer one replaced it first.</summary>
    public long FramesSkipped => Interlocked.Read(ref _skipped);

    public int ConnectedClients => Volatile.Read(ref _clients);

    public string UrlOf(string cameraId) => $"http://127.0.0.1:{Port}/{cameraId}.mjpg";

    /// <summary>Makes <paramref name="jpeg"/> the camera's latest frame and wakes its clients.</summary>
    public void Publish(string cameraId, byte[] jpeg)
    {
        if (!_cameras.TryGetValue(cameraId, out var channel))
        {
            throw new ArgumentException($"unknown camera '{cameraId}'", nameof(cameraId));
        }

        channel.Publish(jpeg);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = Task.Run(() => Serve(client));
        }
    }

    private async Task Serve(TcpClient client)
    {
        Interlocked.Increment(ref _clients);
        try
        {
            using (client)
            {
                client.NoDelay = true;
                var stream = client.GetStream();
                var path = await ReadRequestPath(stream);
                var name = path.TrimStart('/');
                if (path == "/")
                {
                    var list = string.Join("\n", _cameras.Keys.Order().Select(id => $"<li><a href=\"/{id}.mjpg\">{id}</a></li>"));
                    await WriteSimple(stream, "200 OK", "text/html", $"<html><body><h1>EdgeCity twin cameras</h1><ul>{list}</ul></body></html>");
                }
                else if (name.EndsWith(".mjpg", StringComparison.Ordinal) && _cameras.TryGetValue(name[..^5], out var channel))
                {
                    await Stream(stream, channel);
                }
                else if (name.EndsWith(".jpg", StringComparison.Ordinal) && _cameras.TryGetValue(name[..^4], out var snap))
                {
                    var (jpeg, _) = await snap.NextAsync(0, _stop.Token);
                    await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.0 200 OK\r\nContent-Type: image/jpeg\r\nContent-Length: {jpeg.Length}\r\n\r\n"), _stop.Token);
                    await stream.WriteAsync(jpeg, _stop.Token);
                }
                else
                {
                    await WriteSimple(stream, "404 Not Found", "text/plain", $"no camera at {path}; cameras: {string.Join(", ", _cameras.Keys.Order())}\n");
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or the server is stopping.
        }
        finally
        {
            Interlocked.Decrement(ref _clients);
        }
    }

    private async Task Stream(NetworkStream stream, Channel channel)
    {
        var header = $"HTTP/1.1 200 OK\r\nContent-Type: multipart/x-mixed-replace;boundary={Boundary}\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(header), _stop.Token);
        long seen = 0;
        while (!_stop.IsCancellationRequested)
        {
            var (jpeg, version) = await channel.NextAsync(seen, _stop.Token);
            if (seen > 0 && version > seen + 1)
            {
                Interlocked.Add(ref _skipped, version - seen - 1);
            }

            seen = version;
            var part = $"--{Boundary}\r\nContent-Type: image/jpeg\r\nContent-Length: {jpeg.Length}\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(part), _stop.Token);
            await stream.WriteAsync(jpeg, _stop.Token);
            await stream.WriteAsync("\r\n"u8.ToArray(), _stop.Token);
        }
    }

    private static async Task<string> ReadRequestPath(NetworkStream stream)
    {
        // Read the request head (up to a blank line, at most 8 KiB); only the path of the request line matters.
        var buffer = new byte[8192];
        var used = 0;
        while (used < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(used));
            if (n == 0)
            {
                break;
            }

            used += n;
            if (Encoding.ASCII.GetString(buffer, 0, used).Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                break;
            }
        }

        var line = Encoding.ASCII.GetString(buffer, 0, used).Split("\r\n")[0].Split(' ');
        var path = line.Length >= 2 ? line[1] : "/";
        var query = path.IndexOf('?', StringComparison.Ordinal);
        return query >= 0 ? path[..query] : path;
    }

    private async Task WriteSimple(NetworkStream stream, string status, string type, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.0 {status}\r\nContent-Type: {type}\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n"), _stop.Token);
        await stream.WriteAsync(bytes, _stop.Token);
    }

    /// <summary>The latest frame of one camera and a version that grows with each frame.</summary>
    private sealed class Channel
    {
        private readonly Lock _gate = new();
        private byte[] _latest = [];
        private long _version;
        private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Publish(byte[] jpeg)
        {
            TaskCompletionSource wake;
            lock (_gate)
            {
                _latest = jpeg;
                _version++;
                wake = _next;
                _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            wake.TrySetResult();
        }

        /// <summary>Waits for a frame newer than <paramref name="seen"/>.</summary>
        public async Task<(byte[] Jpeg, long Version)> NextAsync(long seen, CancellationToken ct)
        {
            while (true)
            {
                Task wait;
                lock (_gate)
                {
                    if (_version > seen)
                    {
                        return (_latest, _version);
                    }

                    wait = _next.Task;
                }

                await wait.WaitAsync(ct);
            }
        }
    }
}
