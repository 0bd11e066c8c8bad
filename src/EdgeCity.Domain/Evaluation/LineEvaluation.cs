using EdgeCity.Domain.Counting;

namespace EdgeCity.Domain.Evaluation;

/// <summary>Counted against true vehicles on one count line in one direction; error in percent of the truth.</summary>
public sealed record LineEvaluation(string Approach, string LineId, CrossingDirection Direction, int Counted, int Truth, double? ErrorPercent);
