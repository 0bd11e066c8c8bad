namespace EdgeCity.Domain.Assessment;

/// <summary>
/// One point of a drone's or a phone's track: when (on the video's clock, on the wall clock, or both), where, and how
/// the camera was pointed if the telemetry says.
/// </summary>
public sealed record TelemetrySample(
    TimeSpan? VideoOffset,
    DateTimeOffset? Time,
    GeoPoint Position,
    double? HeightAboveGroundMeters = null,
    double? HeadingDegrees = null,
    double? PitchDegrees = null,
    double? FocalLength35mm = null);
