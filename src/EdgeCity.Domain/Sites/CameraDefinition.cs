namespace EdgeCity.Domain.Sites;

/// <summary>A camera watching one approach of one intersection.</summary>
public sealed record CameraDefinition
{
    public string Id { get; init; } = string.Empty;

    /// <summary>Stream URL (rtsp://, http://), a file path, or a V4L2 device such as /dev/video0.</summary>
    public string Source { get; init; } = string.Empty;

    public string Intersection { get; init; } = string.Empty;

    public string Approach { get; init; } = string.Empty;

    /// <summary>Name of the detector model in <c>models/</c>; a site file that names none gets <see cref="DefaultDetectors.For"/>.</summary>
    public string Model { get; init; } = string.Empty;

    /// <summary>Upper bound on frames per second handed to inference; 0 means no limit.</summary>
    public double MaxFps { get; init; }

    /// <summary>Where the camera is; required for a simulated camera, optional for a real one.</summary>
    public CameraPoseDefinition? Pose { get; init; }

    public CalibrationDefinition? Calibration { get; init; }

    public IReadOnlyList<CountLineDefinition> CountLines { get; init; } = [];

    public IReadOnlyList<ZoneDefinition> Zones { get; init; } = [];
}
