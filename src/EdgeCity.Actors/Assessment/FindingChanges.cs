namespace EdgeCity.Actors.Assessment;

/// <summary>A page of a box's change feed (<c>GET /api/assessment/changes</c>): whose, the latest change it holds, and the changes.</summary>
public sealed record FindingChanges(string Node, long Last, IReadOnlyList<FindingChange> Changes);
