using EdgeCity.Simulation.Network;

namespace EdgeCity.Simulation.Control;

/// <summary>
/// Finds closely spaced signalised junctions: those whose every link to another signalised junction stores fewer
/// vehicles than a short green (<see cref="ShortGreenSeconds"/>) discharges. There any green fills the next link before
/// that junction's own green comes, so uncoordinated local decisions spill back into the junction upstream; such junctions keep
/// their programs' common clock (simultaneous greens on short links), which no local optimisation measured beat.
/// </summary>
public static class JunctionSpacing
{
    /// <summary>Saturation flow of one lane, vehicles per second (1800 per hour).</summary>
    public const double SaturationVehiclesPerSecond = 0.5;

    /// <summary>A green this long discharges 10 vehicles a lane: a link storing fewer (about 75 m) is short.</summary>
    public const double ShortGreenSeconds = 20;

    /// <summary>Room one queued vehicle takes on a lane, in metres.</summary>
    public const double VehicleSpacingMeters = 7.5;

    /// <summary>The traffic light ids among <paramref name="signals"/> that are closely spaced.</summary>
    public static IReadOnlySet<string> CloselySpaced(IReadOnlyList<SumoSignalModel> signals, SumoNetwork network)
    {
        var inLanes = signals.ToDictionary(s => s.TrafficLight.Id, s => Lanes(s, c => c.FromLaneId));
        var outLanes = signals.ToDictionary(s => s.TrafficLight.Id, s => Lanes(s, c => c.ToLaneId));
        var result = new HashSet<string>();
        foreach (var signal in signals)
        {
            var id = signal.TrafficLight.Id;
            var shared = inLanes[id].Where(l => outLanes.Any(o => o.Key != id && o.Value.Contains(l)))
                .Concat(outLanes[id].Where(l => inLanes.Any(i => i.Key != id && i.Value.Contains(l))))
                .Where(network.Lanes.ContainsKey)
                .ToList();
            const double discharged = ShortGreenSeconds * SaturationVehiclesPerSecond;
            if (shared.Count > 0 && shared.All(l => network.Lanes[l].Length / VehicleSpacingMeters < discharged))
            {
                result.Add(id);
            }
        }

        return result;
    }

    private static HashSet<string> Lanes(SumoSignalModel signal, Func<SumoConnection, string> lane) =>
        signal.TrafficLight.Links.Values.SelectMany(c => c).Select(lane).ToHashSet();
}
