namespace EdgeCity.Node.Api;

/// <summary>A phase as the operator reads it: the id the API and audit use (<c>p2</c>) and its name from the signal model.</summary>
public sealed record MapPhase(string Id, string Name);
