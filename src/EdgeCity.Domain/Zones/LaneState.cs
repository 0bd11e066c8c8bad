namespace EdgeCity.Domain.Zones;

/// <summary>
/// A lane zone over one reporting interval: presence and counts now, occupancy (share of the interval's time with a
/// vehicle in the zone), queue length on the road plane now, and the headways between vehicles entering the zone.
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
    int Headways);
