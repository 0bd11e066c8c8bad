using EdgeCity.Domain.Control;

namespace EdgeCity.Domain.Tests.Control;

/// <summary>
/// A point-queue model of one junction for comparing controllers quickly: vehicles arrive at the stop line at given
/// times, queue, and leave at saturation headway while their movement is green (half rate when permissive), with a
/// start-up loss when a standing queue gets green. Detection is perfect: queues, presence, flows, and each vehicle's
/// arrival time within <see cref="LookaheadSeconds"/>. Every state passes through a <see cref="SignalRuleMonitor"/>.
/// </summary>
internal sealed class QueueJunction
{
    private readonly SignalTimings _timings;
    private readonly Dictionary<string, double[]> _arrivals;
    private readonly SaturationFlows _saturation;

    /// <summary>Saturation flow of each movement: 1800 veh/h per link (lane), as the controllers assume.</summary>
    public QueueJunction(SignalTimings timings, Dictionary<string, double[]> arrivals)
    {
        _timings = timings;
        _arrivals = timings.Model.Movements.ToDictionary(m => m.Id, m => arrivals.TryGetValue(m.Id, out var a) ? a.Order().ToArray() : []);
        _saturation = new SaturationFlows(timings.Model);
    }

    public double LookaheadSeconds { get; init; } = 30.0;

    public double StartupLostSeconds { get; init; } = 2.0;

    /// <summary>Poisson arrivals per movement (vehicles per hour) over <paramref name="seconds"/>.</summary>
    public static Dictionary<string, double[]> Poisson(Random rng, IReadOnlyDictionary<string, double> perHour, double seconds) =>
        perHour.ToDictionary(kv => kv.Key, kv =>
        {
            var times = new List<double>();
            for (var t = 0.0; kv.Value > 0;)
            {
                t += -Math.Log(1 - rng.NextDouble()) * 3600.0 / kv.Value;
                if (t >= seconds)
                {
                    break;
                }

                times.Add(t);
            }

            return times.ToArray();
        });

    public JunctionResult Run(ISignalController controller, double seconds, double tick = 0.5, Func<double, string, bool>? stale = null, Action<string>? trace = null)
    {
        var validator = new PlanValidator(_timings, 0.0);
        var monitor = new SignalRuleMonitor(_timings, 0.0, tick);
        var next = _arrivals.Keys.ToDictionary(m => m, _ => 0);           // first vehicle not yet departed
        var nextFree = _arrivals.Keys.ToDictionary(m => m, _ => 0.0);     // earliest next departure
        var delays = new List<double>();
        var departures = _arrivals.Keys.ToDictionary(m => m, _ => new List<(double Arrival, double Departure)>());
        var stops = 0;
        var violations = 0;
        for (var t = tick; t <= seconds + 1e-9; t += tick)
        {
            var observations = _arrivals.ToDictionary(kv => kv.Key, kv => Observe(kv.Value, next[kv.Key], t, stale?.Invoke(t, kv.Key) ?? false));
            var decision = controller.Decide(new ControllerInput(t, validator.Current, observations));
            var before = validator.Current;
            var step = validator.Step(t, decision);
            if (trace is not null && step.Changed)
            {
                trace($"{t:F1} {string.Join(" ", step.State.Indications.Select(kv => $"{kv.Key}={kv.Value}"))} q={string.Join(",", observations.Select(kv => kv.Value.QueueVehicles))} {decision.Reason}");
            }

            violations += step.Violations.Count;
            monitor.Observe(step.State);
            foreach (var (m, times) in _arrivals)
            {
                var shows = step.State[m];
                if (!shows.IsGreen())
                {
                    continue;
                }

                var h = (shows == SignalIndication.PermissiveGreen ? 2.0 : 1.0) / _saturation.VehiclesPerSecond(m);
                if (!before[m].IsGreen())
                {
                    // A queue standing at the start of green moves off only after the start-up loss.
                    var standing = next[m] < times.Length && times[next[m]] <= t;
                    nextFree[m] = Math.Max(nextFree[m], standing ? t + StartupLostSeconds : t - tick);
                }

                while (next[m] < times.Length && times[next[m]] <= t && nextFree[m] <= t)
                {
                    var arrival = times[next[m]];
                    var departure = Math.Max(arrival, nextFree[m]);
                    delays.Add(departure - arrival);
                    departures[m].Add((arrival, departure));
                    stops += departure - arrival > 1.0 ? 1 : 0;
                    nextFree[m] = departure + h;
                    next[m]++;
                }
            }
        }

        // Vehicles still waiting are charged the time they have waited so far.
        foreach (var (m, times) in _arrivals)
        {
            for (var i = next[m]; i < times.Length && times[i] <= seconds; i++)
            {
                delays.Add(seconds - times[i]);
                stops++;
            }
        }

        return new JunctionResult(delays.Count == 0 ? 0 : delays.Average(), delays.Count, stops, violations, monitor.Violations, departures);
    }

    private MovementObservation Observe(double[] times, int next, double t, bool stale)
    {
        if (stale)
        {
            return new MovementObservation { Stale = true, AgeSeconds = 60 };
        }

        var queue = 0;
        var approaching = new List<ApproachingVehicle>();
        for (var i = next; i < times.Length && times[i] <= t + LookaheadSeconds; i++)
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

        var recent = times.Count(a => a <= t && a > t - 300);
        return new MovementObservation
        {
            QueueVehicles = queue,
            Approaching = approaching,
            Presence = queue > 0,
            FlowVehiclesPerHour = recent * 3600.0 / Math.Clamp(t, 60, 300),
        };
    }
}

/// <summary>What a <see cref="QueueJunction"/> run measured.</summary>
internal sealed record JunctionResult(
    double MeanDelaySeconds,
    int Vehicles,
    int Stops,
    int ViolationsPrevented,
    IReadOnlyList<ValidatorViolation> RuleBreaks,
    Dictionary<string, List<(double Arrival, double Departure)>> Departures);
