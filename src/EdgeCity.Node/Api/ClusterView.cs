using Akka.Actor;
using Akka.Cluster;
using EdgeCity.Actors.Hosting;

namespace EdgeCity.Node.Api;

/// <summary>Reads the cluster state for the API: every node sees every member, so this is the district view on any node.</summary>
public static class ClusterView
{
    public static ClusterSnapshot Of(ActorSystem system)
    {
        var cluster = Akka.Cluster.Cluster.Get(system);
        var state = cluster.State;
        var unreachable = state.Unreachable.Select(m => m.Address).ToHashSet();

        // A cluster singleton runs on the oldest Up member with its role.
        var singleton = state.Members
            .Where(m => m.Status == MemberStatus.Up && m.HasRole(ClusterRoles.Coordinator))
            .Aggregate((Member?)null, (oldest, m) => oldest is null || m.IsOlderThan(oldest) ? m : oldest);

        var members = state.Members
            .OrderBy(m => m.Address.ToString(), StringComparer.Ordinal)
            .Select(m => new ClusterMemberSnapshot(
                m.Address.ToString(),
                m.Status.ToString(),
                m.Roles.Order(StringComparer.Ordinal).ToList(),
                !unreachable.Contains(m.Address),
                m.Address == cluster.SelfAddress,
                singleton is not null && m.Address == singleton.Address))
            .ToList();
        return new ClusterSnapshot(cluster.SelfAddress.ToString(), state.Leader?.ToString(), singleton?.Address.ToString(), members);
    }
}
