namespace EdgeCity.Domain.Control.Supervision;

/// <summary>
/// What a junction's control achieves, measured from its own observations whoever decides: the standing queue summed
/// over its vehicle movements and the flow they discharge, averaged over a window, and how long each movement with a
/// call has been kept red.
/// </summary>
public sealed class JunctionOutcomes
{
    private readonly string[] _movements;
    private readonly double[] _callSince;
    private double _lastTime = double.NaN;
    private double _area;
    private double _flowArea;
    private double _span;

    public JunctionOutcomes(IEnumerable<string> vehicleMovements)
    {
        _movements = vehicleMovements.ToArray();
        _callSince = _movements.Select(_ => double.NaN).ToArray();
    }

    /// <summary>Seconds observed in the current window.</summary>
    public double WindowSpan => _span;

    /// <summary>The current window's mean standing queue, vehicles (0 before any time has passed).</summary>
    public double WindowMeanQueue => _span > 0 ? _area / _span : 0.0;

    /// <summary>The current window's mean discharged flow summed over the movements, vehicles per hour.</summary>
    public double WindowMeanFlow => _span > 0 ? _flowArea / _span : 0.0;

    /// <summary>Adds one tick: the queues seen and which movements the signal shows green.</summary>
    public void Observe(ControllerInput input)
    {
        var t = input.TimeSeconds;
        var queue = 0.0;
        var flow = 0.0;
        for (var i = 0; i < _movements.Length; i++)
        {
            var o = input.Of(_movements[i]);
            if (o.Stale)
            {
                _callSince[i] = double.NaN;
                continue;
            }

            queue += o.QueueVehicles;
            flow += o.FlowVehiclesPerHour;
            var green = input.Signal.Indications.TryGetValue(_movements[i], out var shown) && shown.IsGreen();
            _callSince[i] = green || !o.HasCall ? double.NaN : double.IsNaN(_callSince[i]) ? t : _callSince[i];
        }

        if (!double.IsNaN(_lastTime) && t > _lastTime)
        {
            _area += queue * (t - _lastTime);
            _flowArea += flow * (t - _lastTime);
            _span += t - _lastTime;
        }

        _lastTime = t;
    }

    /// <summary>The movement kept red longest while it had a call, and for how long (null when none waits).</summary>
    public (string Movement, double Seconds)? LongestUnserved(double now)
    {
        (string, double)? longest = null;
        for (var i = 0; i < _movements.Length; i++)
        {
            if (!double.IsNaN(_callSince[i]) && (longest is null || now - _callSince[i] > longest.Value.Item2))
            {
                longest = (_movements[i], now - _callSince[i]);
            }
        }

        return longest;
    }

    /// <summary>Starts a new window (the unserved clocks keep running).</summary>
    public void NewWindow()
    {
        _area = 0;
        _flowArea = 0;
        _span = 0;
    }
}
