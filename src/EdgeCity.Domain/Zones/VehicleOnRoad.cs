using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Zones;

/// <summary>
/// A tracked vehicle in one frame: its anchor in the image, the same point on the road plane (metres), and its
/// speed on the road plane when enough of its track is known.
/// </summary>
public sealed record VehicleOnRoad(long TrackId, string ClassName, BoxF Box, Point2 ImageAnchor, Point2 RoadPoint, double? SpeedMetersPerSecond);
