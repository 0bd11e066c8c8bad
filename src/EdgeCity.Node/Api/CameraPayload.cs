namespace EdgeCity.Node.Api;

/// <summary>The body of <c>POST /api/cameras</c>.</summary>
public sealed record CameraPayload(
    string? Id,
    string? Source,
    string? Intersection,
    string? Approach,
    string? Model,
    double? MaxFps,
    IReadOnlyList<CountLinePayload>? CountLines,
    IReadOnlyList<ZonePayload>? Zones,
    EdgeCity.Domain.Sites.CalibrationDefinition? Calibration = null);
