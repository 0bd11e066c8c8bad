namespace EdgeCity.Actors.Assessment;

/// <summary>A batch forwarded to the command post (<c>POST /api/assessment/intake</c>), and its answer: the ids it now holds.</summary>
public sealed record FindingIntake(string From, IReadOnlyList<FindingWire> Findings);
