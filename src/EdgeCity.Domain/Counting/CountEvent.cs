using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Counting;

/// <summary>One vehicle counted on one count line in one direction, at the capture time of the frame that proved it.</summary>
public sealed record CountEvent(
    string LineId,
    string Approach,
    CrossingDirection Direction,
    long TrackId,
    string ClassName,
    DateTimeOffset At,
    Point2 CrossingPoint);
