namespace EdgeCity.Actors.Hosting;

/// <summary>How a node joins its cluster: bound in configuration under <c>EdgeCity:Cluster</c>.</summary>
public sealed class EdgeCityClusterOptions
{
    /// <summary>Name of the actor system; every node of one cluster must use the same.</summary>
    public string SystemName { get; set; } = "edgecity";

    /// <summary>Address Akka.Remote binds to.</summary>
    public string Hostname { get; set; } = "127.0.0.1";

    /// <summary>Address other nodes use to reach this one, when it differs from <see cref="Hostname"/> (NAT, containers).</summary>
    public string? PublicHostname { get; set; }

    /// <summary>Akka.Remote port; 0 picks a free one (single-node demo and tests).</summary>
    public int Port { get; set; } = 4053;

    /// <summary>Seed node addresses (akka.tcp://edgecity@host:port); empty means this node forms a cluster of its own.</summary>
    public List<string> SeedNodes { get; set; } = [];

    /// <summary>Roles of this node: camera, coordinator, gateway (a node may have several); empty means all three.</summary>
    /// <remarks>Empty by default because configuration binding appends to a list rather than replacing it.</remarks>
    public List<string> Roles { get; set; } = [];

    /// <summary>The roles every node has unless configured otherwise.</summary>
    public static readonly IReadOnlyList<string> AllRoles = ["camera", "coordinator", "gateway"];

    /// <summary>The configured roles, or all roles when none are configured, without duplicates.</summary>
    public IReadOnlyList<string> EffectiveRoles => Roles.Count == 0 ? AllRoles : Roles.Distinct(StringComparer.Ordinal).ToArray();
}
