namespace EdgeCity.Domain.Tracking;

/// <summary>Parameters of the <see cref="ByteTracker"/>; the defaults are ByteTrack's, tuned for road traffic.</summary>
public sealed record TrackerOptions
{
    /// <summary>Detections at or above this score take part in the first association stage and may start tracks.</summary>
    public float HighScoreThreshold { get; init; } = 0.5f;

    /// <summary>Detections between this and the high threshold only extend existing tracks (second stage).</summary>
    public float LowScoreThreshold { get; init; } = 0.1f;

    /// <summary>A high-score detection left unmatched starts a new track only at or above this score.</summary>
    public float NewTrackThreshold { get; init; } = 0.6f;

    /// <summary>First stage: a pair is allowed when 1 − IoU is at most this (IoU ≥ 0.2).</summary>
    public double HighMatchCostLimit { get; init; } = 0.8;

    /// <summary>Second stage (low-score detections): 1 − IoU at most this (IoU ≥ 0.5).</summary>
    public double LowMatchCostLimit { get; init; } = 0.5;

    /// <summary>Tentative tracks against the remaining high-score detections: 1 − IoU at most this.</summary>
    public double TentativeMatchCostLimit { get; init; } = 0.7;

    /// <summary>Hits a track needs before it is confirmed (N).</summary>
    public int ConfirmHits { get; init; } = 3;

    /// <summary>Consecutive misses after which a lost track is removed (M).</summary>
    public int MaxMisses { get; init; } = 30;

    /// <summary>Upper bound on lost tracks remembered at once; the oldest are removed first beyond it.</summary>
    public int MaxLostTracks { get; init; } = 64;

    /// <summary>Time one prediction step stands for; only scales the motion noise, never a speed.</summary>
    public TimeSpan NominalFrameInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Throws when a value makes no sense, naming it.</summary>
    public void Validate()
    {
        if (LowScoreThreshold < 0 || LowScoreThreshold > HighScoreThreshold || HighScoreThreshold > 1)
        {
            throw new ArgumentException($"Tracker thresholds must satisfy 0 ≤ LowScoreThreshold ({LowScoreThreshold}) ≤ HighScoreThreshold ({HighScoreThreshold}) ≤ 1.");
        }

        if (ConfirmHits < 1 || MaxMisses < 1 || MaxLostTracks < 1)
        {
            throw new ArgumentException($"ConfirmHits ({ConfirmHits}), MaxMisses ({MaxMisses}) and MaxLostTracks ({MaxLostTracks}) must be at least 1.");
        }

        if (NominalFrameInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException("NominalFrameInterval must be positive.");
        }
    }
}
