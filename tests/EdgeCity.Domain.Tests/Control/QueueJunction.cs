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
    public QueueJunction(SignalTimings timings, Dictionary<string, double[]> arrivals)
    {
        Timings = timings;
        Arrivals = timings.Model.Movements.ToDictionary(m => m.Id, m => arrivals.TryGetValue(m.Id, out var a) ? a.Order().ToArray() : []);
        Saturation = new SaturationFlows(timings.Model);
    }

    public SignalTimings Timings { get; }

    public Dictionary<string, double[]> Arrivals { get; }

    /// <summary>Saturation flow of each movement: 1800 veh/h per link (lane), as the controllers assume.</summary>
    public SaturationFlows Saturation { get; }

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

    /// <summary>A run to step by hand (to couple junctions); <see cref="Run"/> does it all at once.</summary>
    public QueueJunctionRun Start(double tick) => new(this, tick);

    public JunctionResult Run(ISignalController controller, double seconds, double tick = 0.5, Func<double, string, bool>? stale = null, Action<string>? trace = null)
    {
        var run = Start(tick);
        for (var t = tick; t <= seconds + 1e-9; t += tick)
        {
            run.Step(t, controller, stale, trace: trace);
        }

        return run.Finish(seconds);
    }
}
