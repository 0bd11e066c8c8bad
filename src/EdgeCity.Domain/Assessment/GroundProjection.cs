using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Assessment;

/// <summary>
/// Puts an image point on the ground. A camera looking straight down (pitch within <see cref="NadirToleranceDegrees"/>
/// of -90) from a known height with a known field of view sees a rectangle of ground 2 h tan(hfov / 2) wide: a pixel's
/// offset from the image centre is an offset in metres, turned by the heading of the image's top edge. Any other pose
/// (an oblique drone shot, a phone photo) gives the camera's own position: honest, if coarse, and marked as such.
/// </summary>
public static class GroundProjection
{
    /// <summary>How far from straight down a camera may look and still be projected as if it looked straight down.</summary>
    public const double NadirToleranceDegrees = 10.0;

    public static (GeoPoint? Position, PositionSource Source) Locate(ImagePose pose, int imageWidth, int imageHeight, Point2 pixel)
    {
        if (pose.Position is not { } camera)
        {
            return (null, PositionSource.None);
        }

        if (pose is not { HeightAboveGroundMeters: > 0 and var h, HorizontalFovDegrees: > 0 and < 180 and var fov, PitchDegrees: { } pitch }
            || Math.Abs(pitch + 90) > NadirToleranceDegrees || imageWidth <= 0 || imageHeight <= 0)
        {
            return (camera, PositionSource.Camera);
        }

        var metersPerPixel = 2 * h * Math.Tan(fov * Math.PI / 360) / imageWidth;
        var right = (pixel.X - (imageWidth / 2.0)) * metersPerPixel;
        var forward = ((imageHeight / 2.0) - pixel.Y) * metersPerPixel;
        var heading = (pose.HeadingDegrees ?? 0) * Math.PI / 180;
        var east = (right * Math.Cos(heading)) + (forward * Math.Sin(heading));
        var north = (forward * Math.Cos(heading)) - (right * Math.Sin(heading));
        return (camera.Offset(east, north), PositionSource.Projected);
    }
}
