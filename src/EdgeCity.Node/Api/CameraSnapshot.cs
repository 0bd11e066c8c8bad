namespace EdgeCity.Node.Api;

/// <summary>A camera as the API and dashboard show it: where it looks and how its stream is doing.</summary>
public sealed record CameraSnapshot(
    string Id,
    string Source,
    string Intersection,
    string Approach,
    string Status,
    string? Reason,
    double? FramesPerSecond,
    long FramesDropped,
    long Reconnects,
    double? SecondsSinceReport,
    double? DataAgeSeconds,
    int CountLines,
    int Zones,
    bool AddedAtRunTime);
