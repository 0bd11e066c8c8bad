using EdgeCity.Node.Hosting;

namespace EdgeCity.Node.Api;

/// <summary>The SUMO twin's figures when this node runs the demo: simulated seconds, vehicles in the network, trips done, mean time loss.</summary>
public sealed record SimulationSnapshot(double Seconds, int Vehicles, long TripsArrived, double MeanTimeLossSeconds, string Source)
{
    /// <summary>Null until a simulation has stepped on this node.</summary>
    public static SimulationSnapshot? Of(LiveSignals? live) =>
        live is { SimulationSeconds: > 0 } ? new(Math.Round(live.SimulationSeconds, 1), live.Vehicles, live.TripsArrived, Math.Round(live.MeanTimeLossSeconds, 1), live.Source) : null;
}
