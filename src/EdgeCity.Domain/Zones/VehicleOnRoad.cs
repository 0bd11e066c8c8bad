using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Zones;

/// <summary>
/// A tracked vehicle in one frame: its anchor in the image, the same point on the road plane (metres), and its
/// speed on the road plane when enough of its track is known (from every position of the track: what decides whether
/// it is stopped or when it arrives).
/// </summary>
public sealed record VehicleOnRoad(long TrackId, string ClassName, BoxF Box, Point2 ImageAnchor, Point2 RoadPoint, double? SpeedMetersPerSecond)
{
    /// <summary>
    /// The speed the camera reports for the vehicle: fitted only on positions where its anchor was in view (box not cut
    /// by the frame's edge, ground contact not behind a nearer vehicle), so it is a measurement, not an extrapolation.
    /// Null while no such fit is precise enough.
    /// </summary>
    public double? MeasuredSpeedMetersPerSecond { get; init; }
}
