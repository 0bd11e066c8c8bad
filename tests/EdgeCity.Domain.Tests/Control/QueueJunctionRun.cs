using EdgeCity.Domain.Control;

namespace EdgeCity.Domain.Tests.Control;

/// <summary>One run of a <see cref="QueueJunction"/>, stepped tick by tick; arrivals can be added while it runs.</summary>
internal sealed class QueueJunctionRun
{
    private readonly QueueJunction _junction;
    private readonly PlanValidator _validator;
    private readonly SignalRuleMonitor _monitor;
    private readonly Dictionary<string, List<double>> _arrivals;
    private readonly Dictionary<string, int> _next;          // first vehicle not yet departed
    private readonly Dictionary<string, double> _nextFree;   // earliest next departure
    private readonly List<double> _delays = [];
    private readonly double _tick;
    private int _stops;
    private int _violations;

    public QueueJunctionRun(QueueJunction junction, double tick)
    {
        _junction = junction;
        _tick = tick;
        _validator = new PlanValidator(junction.Timings, 0.0);
        _monitor = new SignalRuleMonitor(junction.Timings, 0.0, tick);
        _arrivals = junction.Arrivals.ToDictionary(kv => kv.Key, kv => kv.Value.ToList());
        _next = _arrivals.Keys.ToDictionary(m => m, _ => 0);
        _nextFree = _arrivals.Keys.ToDictionary(m => m, _ => 0.0);
        Departures = _arrivals.Keys.ToDictionary(m => m, _ => new List<(double Arrival, double Departure)>());
    }

    public Dictionary<string, List<(double Arrival, double Departure)>> Departures { get; }

    /// <summary>A vehicle that will reach <paramref name="movement"/>'s stop line at <paramref name="time"/> (not before now).</summary>
    public void AddArrival(string movement, double time)
    {
        var list = _arrivals[movement];
        var i = list.BinarySearch(time);
        list.Insert(Math.Max(i < 0 ? ~i : i, _next[movement]), time);
    }

    /// <summary>One tick: observe, decide, validate, discharge. Returns the departures of this tick.</summary>
    public List<(string Movement, double Departure)> Step(
        double t,
        ISignalController controller,
        Func<double, string, bool>? stale = null,
        Func<string, MovementObservation, MovementObservation>? enrich = null,
        Action<string>? trace = null)
    {
        var observations = _arrivals.ToDictionary(kv => kv.Key, kv =>
        {
            var o = Observe(kv.Value, _next[kv.Key], t, stale?.Invoke(t, kv.Key) ?? false);
            return enrich is null || o.Stale ? o : enrich(kv.Key, o);
        });
        var decision = controller.Decide(new ControllerInput(t, _validator.Current, observations));
        var before = _validator.Current;
        var step = _validator.Step(t, decision);
        if (trace is not null && step.Changed)
        {
            trace($"{t:F1} {string.Join(" ", step.State.Indications.Select(kv => $"{kv.Key}={kv.Value}"))} q={string.Join(",", observations.Select(kv => kv.Value.QueueVehicles))} {decision.Reason}");
        }

        _violations += step.Violations.Count;
        _monitor.Observe(step.State);
        var left = new List<(string, double)>();
        foreach (var (m, times) in _arrivals)
        {
            var shows = step.State[m];
            if (!shows.IsGreen())
            {
                continue;
            }

            var h = (shows == SignalIndication.PermissiveGreen ? 2.0 : 1.0) / _junction.Saturation.VehiclesPerSecond(m);
            if (!before[m].IsGreen())
            {
                // A queue standing at the start of green moves off only after the start-up loss.
                var standing = _next[m] < times.Count && times[_next[m]] <= t;
                _nextFree[m] = Math.Max(_nextFree[m], standing ? t + _junction.StartupLostSeconds : t - _tick);
            }

            while (_next[m] < times.Count && times[_next[m]] <= t && _nextFree[m] <= t)
            {
                var arrival = times[_next[m]];
                var departure = Math.Max(arrival, _nextFree[m]);
                _delays.Add(departure - arrival);
                Departures[m].Add((arrival, departure));
                left.Add((m, departure));
                _stops += departure - arrival > 1.0 ? 1 : 0;
                _nextFree[m] = departure + h;
                _next[m]++;
            }
        }

        return left;
    }

    /// <summary>The result at <paramref name="seconds"/>: vehicles still waiting are charged the time waited so far.</summary>
    public JunctionResult Finish(double seconds)
    {
        var delays = new List<double>(_delays);
        var stops = _stops;
        foreach (var (m, times) in _arrivals)
        {
            for (var i = _next[m]; i < times.Count && times[i] <= seconds; i++)
            {
                delays.Add(seconds - times[i]);
                stops++;
            }
        }

        return new JunctionResult(delays.Count == 0 ? 0 : delays.Average(), delays.Count, stops, _violations, _monitor.Violations, Departures);
    }

    private MovementObservation Observe(List<double> times, int next, double t, bool stale)
    {
        if (stale)
        {
            return new MovementObservation { Stale = true, AgeSeconds = 60 };
        }

        var queue = 0;
        var approaching = new List<ApproachingVehicle>();
        for (var i = next; i < times.Count && times[i] <= t + _junction.LookaheadSeconds; i++)
        {
            if (times[i] <= t)
            {
                queue++;
            }
            else
            {
                approaching.Add(new ApproachingVehicle(times[i] - t));
            }
        }

        var recent = 0;
        for (var i = next - 1; i >= 0 && times[i] > t - 300; i--)
        {
            recent++;
        }

        return new MovementObservation
        {
            QueueVehicles = queue,
            Approaching = approaching,
            Presence = queue > 0,
            FlowVehiclesPerHour = (recent + queue) * 3600.0 / Math.Clamp(t, 60, 300),
        };
    }
}
