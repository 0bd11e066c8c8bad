namespace EdgeCity.Vision.Capture;

/// <summary>
/// Hands the newest frame from one capture thread to one consumer with three reusable buffers (a triple buffer):
/// the writer fills its back buffer and swaps it in as "latest"; the consumer swaps "latest" out when it is ready.
/// There is no queue, so latency cannot creep: a frame not taken before the next one arrives is replaced, and the
/// replacement is reported so it can be counted. The three <see cref="CapturedFrame"/>s are disposed when both the
/// writer and the consumer have released the slot.
/// </summary>
public sealed class LatestFrameSlot
{
    private readonly object _gate = new();
    private CapturedFrame _back = new();
    private CapturedFrame _latest = new();
    private CapturedFrame _front = new();
    private bool _hasNew;
    private int _holders = 2; // the capture that writes and the consumer that reads
    private Action? _frameArrived;

    /// <summary>The buffer the writer fills next; only the writer touches it until <see cref="Publish"/>.</summary>
    public CapturedFrame Back => _back;

    /// <summary>Whether a frame is waiting that the consumer has not taken.</summary>
    public bool HasNew
    {
        get
        {
            lock (_gate)
            {
                return _hasNew;
            }
        }
    }

    /// <summary>Called (on the writer's thread) after each publish: the consumer's wake-up.</summary>
    public void OnFrameArrived(Action? callback) => _frameArrived = callback;

    /// <summary>
    /// Makes the back buffer the latest frame. Returns true when that replaced a frame the consumer never took (a drop).
    /// With <paramref name="waitForConsumer"/> it first waits until the previous frame is taken (files analysed offline),
    /// so nothing is dropped; the wait ends early when <paramref name="cancel"/> fires.
    /// </summary>
    public bool Publish(bool waitForConsumer = false, CancellationToken cancel = default)
    {
        bool replaced;
        lock (_gate)
        {
            while (waitForConsumer && _hasNew && !cancel.IsCancellationRequested && _holders == 2)
            {
                Monitor.Wait(_gate, 50);
            }

            (_back, _latest) = (_latest, _back);
            replaced = _hasNew;
            _hasNew = true;
        }

        _frameArrived?.Invoke();
        return replaced;
    }

    /// <summary>
    /// Takes the newest frame if one arrived since the last take. The frame stays valid until the next call; the one
    /// returned before goes back to the pool.
    /// </summary>
    public bool TryTake(out CapturedFrame frame)
    {
        lock (_gate)
        {
            if (!_hasNew)
            {
                frame = _front;
                return false;
            }

            (_front, _latest) = (_latest, _front);
            _hasNew = false;
            frame = _front;
            Monitor.PulseAll(_gate);
            return true;
        }
    }

    /// <summary>Called once by the writer and once by the consumer when done; the last one frees the native images.</summary>
    public void Release()
    {
        bool last;
        lock (_gate)
        {
            _holders--;
            last = _holders == 0;
            Monitor.PulseAll(_gate);
        }

        if (last)
        {
            _back.Dispose();
            _latest.Dispose();
            _front.Dispose();
        }
    }
}
