namespace EdgeCity.Domain.Measurements;

/// <summary>
/// Turns counts per interval into veh/h: raw over a sliding window, and an exponentially weighted average of the
/// interval rates normalised by the weight seen so far, so the first minutes are not biased towards zero.
/// </summary>
public sealed class FlowMeter(TimeSpan window, TimeSpan smoothing)
{
    private readonly Queue<(double Seconds, int Count)> _intervals = new();
    private double _windowSeconds;
    private int _windowCount;
    private double _weighted;
    private double _weight;

    public double RawVehiclesPerHour { get; private set; }

    public double SmoothedVehiclesPerHour { get; private set; }

    /// <summary>Adds the vehicles counted over an interval of the given length.</summary>
    public void Add(TimeSpan interval, int count)
    {
        var seconds = interval.TotalSeconds;
        if (seconds <= 0)
        {
            return;
        }

        _intervals.Enqueue((seconds, count));
        _windowSeconds += seconds;
        _windowCount += count;
        while (_intervals.Count > 1 && _windowSeconds - _intervals.Peek().Seconds >= window.TotalSeconds)
        {
            var (s, c) = _intervals.Dequeue();
            _windowSeconds -= s;
            _windowCount -= c;
        }

        RawVehiclesPerHour = _windowCount * 3600.0 / _windowSeconds;

        var decay = Math.Exp(-seconds / smoothing.TotalSeconds);
        _weighted = (_weighted * decay) + ((1 - decay) * count * 3600.0 / seconds);
        _weight = (_weight * decay) + (1 - decay);
        SmoothedVehiclesPerHour = _weighted / _weight;
    }
}
