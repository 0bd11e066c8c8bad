using EdgeCity.Domain.Counting;

namespace EdgeCity.Domain.Evaluation;

/// <summary>
/// Counted against true vehicles on one count line in one direction; error in percent of the truth. Counts are also
/// paired one to one with true crossings in time (<see cref="CrossingMatch"/>), so a missed vehicle and a vehicle
/// counted twice show up even when they cancel in the total.
/// </summary>
public sealed record LineEvaluation(string Approach, string LineId, CrossingDirection Direction, int Counted, int Truth, double? ErrorPercent)
{
    /// <summary>Counts paired with a true crossing.</summary>
    public int Matched { get; init; }

    /// <summary>True crossings no count was paired with.</summary>
    public int Missed => Truth - Matched;

    /// <summary>Counts no true crossing was paired with (false or repeated counts).</summary>
    public int Extra => Counted - Matched;

    /// <summary>Extra counts within the tolerance of a true crossing that already had its count: one vehicle counted twice.</summary>
    public int Repeated { get; init; }
}
