using EdgeCity.Domain.Tracking;

namespace EdgeCity.Domain.Detection;

/// <summary>
/// The tracker's score thresholds for one model (manifest <c>tracking: { high, low, new }</c>): score calibration
/// differs per model, so the thresholds that keep a small far vehicle tracked belong with the model, not the site.
/// </summary>
public sealed record ModelTracking
{
    /// <summary>Detections at or above this take part in the first association stage.</summary>
    public float High { get; init; } = 0.5f;

    /// <summary>Detections between this and <see cref="High"/> only extend existing tracks.</summary>
    public float Low { get; init; } = 0.1f;

    /// <summary>An unmatched detection starts a new track only at or above this.</summary>
    public float New { get; init; } = 0.6f;

    /// <summary>The tracker's options with this model's score thresholds.</summary>
    public TrackerOptions ApplyTo(TrackerOptions tracker)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        return tracker with { HighScoreThreshold = High, LowScoreThreshold = Low, NewTrackThreshold = New };
    }
}
