using EdgeCity.Domain.Sites;

namespace EdgeCity.Actors.Assessment;

/// <summary>
/// What a box's <see cref="FindingReplicator"/> does: this box's name, the peers it takes changes from, the command post
/// it forwards to (all it holds, or only its own findings), the token for it, how often and in what batches.
/// </summary>
public sealed record ReplicationSettings(string Node, IReadOnlyList<AssessmentPeerDefinition> Peers, CommandPostDefinition? CommandPost, string? CommandPostToken)
{
    /// <summary>Seconds between rounds (each round: every peer, then the command post).</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Findings per request: small enough for a thin link to carry in seconds.</summary>
    public int Batch { get; init; } = 100;

    /// <summary>Longest wait for one request.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Whether this box forwards to the command post, and what: everything it holds, or only its own findings.</summary>
    public (bool Forwards, bool All) Forwarding => CommandPost switch
    {
        null => (false, false),
        { ForwardedBy.Length: > 0 } p => (string.Equals(p.ForwardedBy, Node, StringComparison.Ordinal), true),
        _ => (true, false),
    };
}
