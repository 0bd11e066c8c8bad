namespace EdgeCity.Domain.Control;

/// <summary>
/// What detectors or cameras report for one movement (approach data is shared by the movements of the approach).
/// </summary>
public sealed record MovementObservation
{
    /// <summary>Vehicles queued at the stop line.</summary>
    public double QueueVehicles { get; init; }

    /// <summary>Vehicles on their way, with arrival-time estimates (from detectors, tracks or upstream schedules).</summary>
    public IReadOnlyList<ApproachingVehicle> Approaching { get; init; } = [];

    /// <summary>A vehicle stands on or passes the stop-line detector now.</summary>
    public bool Presence { get; init; }

    /// <summary>Stop-line detector occupancy, 0 to 1.</summary>
    public double Occupancy { get; init; }

    /// <summary>Measured arrival flow in vehicles per hour.</summary>
    public double FlowVehiclesPerHour { get; init; }

    /// <summary>Queue on the exit link this movement feeds (max-pressure's downstream term), when known.</summary>
    public double DownstreamQueueVehicles { get; init; }

    /// <summary>How old the data is, in seconds.</summary>
    public double AgeSeconds { get; init; }

    /// <summary>The data is older than the configured age: controllers must not trust it.</summary>
    public bool Stale { get; init; }

    /// <summary>No measurement at all: what a movement reports before its first data.</summary>
    public static readonly MovementObservation Missing = new() { Stale = true, AgeSeconds = double.PositiveInfinity };

    /// <summary>Waiting or arriving demand right now.</summary>
    public bool HasCall => QueueVehicles > 0 || Presence;
}
