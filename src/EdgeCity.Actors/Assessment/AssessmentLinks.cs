using System.Collections.Concurrent;

namespace EdgeCity.Actors.Assessment;

/// <summary>The replication links' latest state, written by the <see cref="FindingReplicator"/> and read by the API.</summary>
public sealed class AssessmentLinks
{
    private readonly ConcurrentDictionary<string, AssessmentLink> _links = new(StringComparer.Ordinal);

    public IReadOnlyList<AssessmentLink> Snapshot() => _links.Values.OrderBy(l => l.Role, StringComparer.Ordinal).ThenBy(l => l.Name, StringComparer.Ordinal).ToList();

    public AssessmentLink? Get(string name) => _links.GetValueOrDefault(name);

    internal void Set(AssessmentLink link) => _links[link.Name] = link;
}
