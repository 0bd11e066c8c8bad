namespace EdgeCity.Domain.Assessment;

/// <summary>
/// Where and how an image was taken, as far as its metadata says: the camera's position, its height above the ground
/// (a drone's relative altitude; GPS altitude is above sea level and says nothing about the ground), the compass
/// heading of the image's top edge, the gimbal pitch (-90: straight down), the horizontal field of view, and the time.
/// Anything unknown is null.
/// </summary>
public sealed record ImagePose(
    GeoPoint? Position,
    DateTimeOffset? Time,
    double? HeightAboveGroundMeters = null,
    double? HeadingDegrees = null,
    double? PitchDegrees = null,
    double? HorizontalFovDegrees = null)
{
    /// <summary>No position, no time: findings from such an image carry none either (and say so).</summary>
    public static ImagePose Unknown { get; } = new(null, null);

    /// <summary>
    /// Horizontal field of view from a 35 mm-equivalent focal length (EXIF FocalLengthIn35mmFilm): a 36 mm wide frame,
    /// so hfov = 2 atan(18 / f).
    /// </summary>
    public static double? FovFrom35mmFocalLength(double? focal35) =>
        focal35 is > 0 and var f ? 2 * Math.Atan(18.0 / f) * 180 / Math.PI : null;
}
