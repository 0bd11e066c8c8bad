namespace EdgeCity.Domain.Zones;

/// <summary>
/// A lane zone over one reporting interval: presence and counts now, occupancy (share of the interval's time with a
/// vehicle in the zone), queue length on the road plane now (and whether it runs past the camera's reach), and the
/// headways between vehicles entering the zone.
/// </summary>
public sealed record LaneState(
    string ZoneId,
    string Approach,
    string Lane,
    bool Presence,
    int Vehicles,
    int StoppedVehicles,
    double QueueLengthMeters,
    double? Occupancy,
    double? MeanHeadwaySeconds,
    int Headways)
{
    /// <summary>
    /// How far upstream of the stop line the camera watches this lane (metres on the road plane: the zone's far end).
    /// A queue is measured only within it; null when unknown.
    /// </summary>
    public double? ReachMeters { get; init; }

    /// <summary>
    /// True when the queue runs to the end of the camera's reach: the true queue may be longer than
    /// <see cref="QueueLengthMeters"/>, which is then a lower bound (spillback beyond the view).
    /// </summary>
    public bool QueueBeyondView { get; init; }
}
