using System.Collections.Concurrent;

namespace EdgeCity.Node.Hosting;

/// <summary>What the start page shows of signal control as it happens: each intersection's phase and queue, and the simulation's figures.</summary>
public sealed class LiveSignals
{
    public ConcurrentDictionary<string, LiveIntersection> Intersections { get; } = new(StringComparer.Ordinal);

    /// <summary>Where the loop's data comes from, or why there is none (shown on the start page).</summary>
    public string Source { get; set; } = "no signal control on this node";

    public double SimulationSeconds { get; set; }

    public int Vehicles { get; set; }

    public long TripsArrived { get; set; }

    /// <summary>Mean time lost so far by the vehicles now in the network, in seconds.</summary>
    public double MeanTimeLossSeconds { get; set; }
}
