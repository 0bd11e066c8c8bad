namespace EdgeCity.Node.Api;

/// <summary>The cluster as this node sees it: members, who leads, and where the corridor singleton runs.</summary>
public sealed record ClusterSnapshot(string Self, string? Leader, string? SingletonNode, IReadOnlyList<ClusterMemberSnapshot> Members);
