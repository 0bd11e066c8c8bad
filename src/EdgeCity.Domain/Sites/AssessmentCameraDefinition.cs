namespace EdgeCity.Domain.Sites;

/// <summary>
/// A camera of the box on a disaster site (a mast camera, a drone's live feed): its stream and where it stands, so
/// its findings have a position. Height above ground, heading, pitch and field of view place findings on the ground
/// when it looks straight down; otherwise findings take the camera's position.
/// </summary>
public sealed record AssessmentCameraDefinition
{
    public string Id { get; init; } = string.Empty;

    /// <summary>A stream URL (rtsp, http), a device or a file.</summary>
    public string Source { get; init; } = string.Empty;

    public double Latitude { get; init; }

    public double Longitude { get; init; }

    public double? HeightAboveGround { get; init; }

    public double? Heading { get; init; }

    public double? Pitch { get; init; }

    public double? FovDegrees { get; init; }
}
