namespace EdgeCity.Actors.Assessment;

/// <summary>The command post's answer to a forwarded batch: every id it now holds (stored now or before), and how many were new.</summary>
public sealed record FindingIntakeReceipt(IReadOnlyList<string> Acknowledged, int Added);
