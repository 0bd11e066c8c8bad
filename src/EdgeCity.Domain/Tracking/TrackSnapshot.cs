using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Tracking;

/// <summary>
/// A track as seen after one frame: its filtered box, the detection it was matched to in this frame, and its class
/// (the class with the highest accumulated score over its life, so one mislabelled frame does not flip it).
/// </summary>
public sealed record TrackSnapshot(
    long Id,
    TrackState State,
    BoxF Box,
    BoxF DetectionBox,
    int ClassId,
    string ClassName,
    float Score,
    int Hits)
{
    /// <summary>True once the track has been confirmed (it may be counted and measured).</summary>
    public bool IsConfirmed => State is TrackState.Tracked or TrackState.Lost;
}
