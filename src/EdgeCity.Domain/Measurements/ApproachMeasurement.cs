using EdgeCity.Domain.Zones;

namespace EdgeCity.Domain.Measurements;

/// <summary>
/// What one camera saw of one approach during the last reporting interval (one second by default): the numbers a
/// signal controller acts on. Flow is veh/h over <see cref="MeasurementOptions.FlowWindow"/> (raw) and exponentially
/// smoothed; queue is the longest lane queue in metres on the road plane; occupancy the mean over lanes (0–1);
/// mean speed in m/s over the vehicles seen in the interval; data age is how old the newest frame is.
/// When <see cref="CameraDown"/> is true the other numbers are not to be trusted.
/// </summary>
public sealed record ApproachMeasurement(
    string IntersectionId,
    string Approach,
    string CameraId,
    DateTimeOffset At,
    TimeSpan Interval,
    int VehiclesCounted,
    IReadOnlyList<LineClassCount> Counts,
    double FlowVehiclesPerHour,
    double FlowVehiclesPerHourSmoothed,
    double QueueLengthMeters,
    double? Occupancy,
    IReadOnlyList<LaneState> Lanes,
    double? MeanSpeedMetersPerSecond,
    TimeSpan? DataAge,
    bool CameraDown,
    string? CameraDownReason)
{
    /// <summary>True when any lane of the approach has a vehicle in its zone now (actuation).</summary>
    public bool Presence => Lanes.Any(l => l.Presence);

    /// <summary>
    /// Moving confirmed vehicles in the approach's lane zones, lane by lane, with arrival estimates (nearest first);
    /// stopped ones are in the queue instead. Vehicles beyond the camera's view (or its zones) are unknown, not absent.
    /// Empty when the camera is down.
    /// </summary>
    public IReadOnlyList<ApproachingTrack> Approaching { get; init; } = [];
}
