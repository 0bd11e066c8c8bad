namespace EdgeCity.Domain.Tracking;

/// <summary>
/// What one frame did to the tracks: the tracks matched in it (tentative and confirmed), the ids that went lost in it,
/// the tracks confirmed in it, and the ids removed for good in it (so per-track state elsewhere can be freed).
/// </summary>
public sealed record TrackerUpdate(
    DateTimeOffset CapturedAt,
    IReadOnlyList<TrackSnapshot> Matched,
    IReadOnlyList<long> LostNow,
    IReadOnlyList<long> Removed,
    int ActiveTracks,
    int LostTracks);
