using EdgeCity.Domain.Counting;

namespace EdgeCity.Domain.Evaluation;

/// <summary>A vehicle the pipeline counted, at seconds since the start of the recording.</summary>
public sealed record ObservedCount(double Time, string LineId, CrossingDirection Direction, string ClassName)
{
    /// <summary>The tracker's id of the counted vehicle (0 where unknown).</summary>
    public long TrackId { get; init; }
}
