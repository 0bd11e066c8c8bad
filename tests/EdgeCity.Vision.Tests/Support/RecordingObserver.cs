using System.Collections.Concurrent;
using EdgeCity.Vision.Capture;

namespace EdgeCity.Vision.Tests.Support;

/// <summary>Records what a capture reports, for assertions (a real observer, as the camera actor is one).</summary>
public sealed class RecordingObserver : ICaptureObserver
{
    private long _captured;
    private int _reconnects;
    private int _ups;
    private int _ended;

    public ConcurrentQueue<string> Events { get; } = new();

    public ConcurrentDictionary<string, int> Drops { get; } = new();

    public List<TimeSpan> Delays { get; } = [];

    public long Captured => Interlocked.Read(ref _captured);

    public int Reconnects => Volatile.Read(ref _reconnects);

    public int Ups => Volatile.Read(ref _ups);

    public bool HasEnded => Volatile.Read(ref _ended) > 0;

    public void StreamUp(string description)
    {
        Interlocked.Increment(ref _ups);
        Events.Enqueue("up " + description);
    }

    public void StreamDown(string reason, TimeSpan retryIn)
    {
        lock (Delays)
        {
            Delays.Add(retryIn);
        }

        Events.Enqueue("down " + reason);
    }

    public void Reconnecting(int attempt) => Interlocked.Increment(ref _reconnects);

    public void FrameCaptured() => Interlocked.Increment(ref _captured);

    public void FrameDropped(string reason) => Drops.AddOrUpdate(reason, 1, (_, n) => n + 1);

    public void Ended()
    {
        Interlocked.Increment(ref _ended);
        Events.Enqueue("ended");
    }

    public string[] Downs => Events.Where(e => e.StartsWith("down ", StringComparison.Ordinal)).ToArray();
}
