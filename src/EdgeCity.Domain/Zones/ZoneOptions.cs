namespace EdgeCity.Domain.Zones;

/// <summary>How lane zones decide what is stopped and what is a queue; the defaults follow SUMO's jam detector.</summary>
public sealed record ZoneOptions
{
    /// <summary>Below this road-plane speed a vehicle is stopped (SUMO's halting threshold, 5 km/h).</summary>
    public double StoppedSpeedMetersPerSecond { get; init; } = 1.39;

    /// <summary>A stopped vehicle further than this behind the one ahead (or the stop line) is not in the queue.</summary>
    public double MaxQueueGapMeters { get; init; } = 10;

    /// <summary>
    /// A zone drawn short of its stop line still owns the stretch up to the line (where the first queued vehicle
    /// stands), up to this depth; 0 keeps lanes to their polygons.
    /// </summary>
    public double MaxStopLineApronMeters { get; init; } = 5;

    /// <summary>
    /// True when the anchor (bottom-centre) is the vehicle's front, as for a camera facing oncoming traffic: the
    /// queue then ends one vehicle length behind the last anchor. False when the camera sees vehicles from behind.
    /// </summary>
    public bool AnchorIsVehicleFront { get; init; } = true;

    /// <summary>Vehicle length by class name, metres; classes not listed use <see cref="DefaultVehicleLengthMeters"/>.</summary>
    public IReadOnlyDictionary<string, double> VehicleLengthMeters { get; init; } = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase)
    {
        ["car"] = 4.5,
        ["truck"] = 10,
        ["bus"] = 12,
        ["motorcycle"] = 2.2,
        ["bicycle"] = 1.8,
    };

    public double DefaultVehicleLengthMeters { get; init; } = 4.5;

    public double LengthOf(string className) =>
        VehicleLengthMeters.TryGetValue(className, out var l) ? l : DefaultVehicleLengthMeters;
}
