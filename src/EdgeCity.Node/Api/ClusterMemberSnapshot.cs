namespace EdgeCity.Node.Api;

/// <summary>One cluster member: its address, status (Up, Leaving, Down, …), roles and whether this node can reach it.</summary>
public sealed record ClusterMemberSnapshot(string Address, string Status, IReadOnlyList<string> Roles, bool Reachable, bool IsSelf, bool RunsSingleton);
