using EdgeCity.Domain.Geometry;
using EdgeCity.Domain.Sites;
using EdgeCity.Simulation.Network;

namespace EdgeCity.Simulation.Twin;

/// <summary>Where a lane's stop line (the lane's end, kerb to kerb of the lane) appears in a posed camera's image.</summary>
public static class CameraStopLines
{
    /// <summary>A lookup from a zone to its lane's stop line in image pixels; null for lanes the network lacks.</summary>
    public static Func<ZoneDefinition, (Point2 Start, Point2 End)?> For(SumoNetwork network, CameraPoseDefinition pose)
    {
        ArgumentNullException.ThrowIfNull(network);
        var camera = new CameraModel(pose);
        return zone =>
        {
            if (!network.Lanes.TryGetValue(zone.Lane, out var lane)
                || camera.ProjectGround(CameraPlacement.LanePoint(lane, 0, -lane.Width / 2)) is not { } a
                || camera.ProjectGround(CameraPlacement.LanePoint(lane, 0, lane.Width / 2)) is not { } b)
            {
                return null;
            }

            return (a, b);
        };
    }
}
