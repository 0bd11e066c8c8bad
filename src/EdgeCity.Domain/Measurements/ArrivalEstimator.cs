using EdgeCity.Domain.Zones;

namespace EdgeCity.Domain.Measurements;

/// <summary>
/// Arrival estimates from a lane zone's confirmed tracks, with the semantics of the detector path (a lane-area
/// detector over the approach): a moving vehicle keeps roughly its speed, but not slower than a floor (a slow one is
/// accelerating), so it arrives in distance / max(speed, floor); a stopped vehicle is queue, not an arrival; a track
/// without a speed yet cannot be timed and is left out (the zone still reports its presence).
/// </summary>
public static class ArrivalEstimator
{
    /// <summary>Seconds until a vehicle <paramref name="distanceMeters"/> from the stop line reaches it, or null when it is stopped or has no speed.</summary>
    public static double? EtaSeconds(double distanceMeters, double? speedMetersPerSecond, double stoppedBelowMetersPerSecond, double floorMetersPerSecond)
    {
        if (speedMetersPerSecond is not { } speed || !double.IsFinite(speed) || !double.IsFinite(distanceMeters) || speed < stoppedBelowMetersPerSecond)
        {
            return null;
        }

        return Math.Max(0, distanceMeters) / Math.Max(speed, Math.Max(floorMetersPerSecond, 1e-3));
    }

    /// <summary>
    /// The moving vehicles of one lane zone in its latest frame, nearest first. The zone only holds confirmed tracks
    /// (the analyzer feeds it no others), so a detection the tracker has not confirmed is never an arrival.
    /// </summary>
    public static IReadOnlyList<ApproachingTrack> Of(LaneZoneMonitor zone, double stoppedBelowMetersPerSecond, double floorMetersPerSecond)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var result = new List<ApproachingTrack>();
        foreach (var v in zone.Inside)
        {
            var distance = zone.DistanceFromStopLine(v.RoadPoint);
            if (EtaSeconds(distance, v.SpeedMetersPerSecond, stoppedBelowMetersPerSecond, floorMetersPerSecond) is { } eta)
            {
                result.Add(new ApproachingTrack(zone.Zone.Lane, v.TrackId, distance, v.SpeedMetersPerSecond!.Value, eta));
            }
        }

        result.Sort((a, b) => a.EtaSeconds.CompareTo(b.EtaSeconds));
        return result;
    }
}
