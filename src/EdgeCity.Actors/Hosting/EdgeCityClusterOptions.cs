namespace EdgeCity.Actors.Hosting;

/// <summary>How a node joins its cluster: bound in configuration under <c>EdgeCity:Cluster</c>.</summary>
public sealed class EdgeCityClusterOptions
{
    /// <summary>The roles every node has unless configured otherwise.</summary>
    public static readonly IReadOnlyList<string> AllRoles = [ClusterRoles.Camera, ClusterRoles.Coordinator, ClusterRoles.Gateway];

    /// <summary>Name of the actor system; every node of one cluster must use the same.</summary>
    public string SystemName { get; set; } = "edgecity";

    /// <summary>Address Akka.Remote binds to.</summary>
    public string Hostname { get; set; } = "127.0.0.1";

    /// <summary>Address other nodes use to reach this one, when it differs from <see cref="Hostname"/> (NAT, containers, pods).</summary>
    public string? PublicHostname { get; set; }

    /// <summary>Akka.Remote port; 0 picks a free one (single-node demo and tests).</summary>
    public int Port { get; set; } = 4053;

    /// <summary>How the node finds its cluster: <c>static</c> (seed nodes, fixed sites) or <c>kubernetes</c> (Akka.Management bootstrap, k3s).</summary>
    public string Discovery { get; set; } = ClusterDiscovery.Static;

    /// <summary>Seed node addresses (<c>akka.tcp://edgecity@host:port</c>, <c>akka.ssl.tcp://…</c> with TLS); empty with static discovery means this node forms a cluster of its own.</summary>
    public List<string> SeedNodes { get; set; } = [];

    /// <summary>Roles of this node: camera, coordinator, gateway (a node may have several); empty means all three.</summary>
    /// <remarks>Empty by default because configuration binding appends to a list rather than replacing it.</remarks>
    public List<string> Roles { get; set; } = [];

    /// <summary>Akka.Management and Kubernetes API discovery settings, used when <see cref="Discovery"/> is <c>kubernetes</c>.</summary>
    public KubernetesDiscoverySettings Kubernetes { get; set; } = new();

    /// <summary>Failure detector and split-brain resolver timings; the defaults are chosen for radio links between street boxes.</summary>
    public ClusterTimings Timings { get; set; } = new();

    /// <summary>Akka.Remote over mutual TLS; off unless a certificate is configured.</summary>
    public ClusterTlsSettings Tls { get; set; } = new();

    /// <summary>The configured roles, or all roles when none are configured, without duplicates.</summary>
    public IReadOnlyList<string> EffectiveRoles => Roles.Count == 0 ? AllRoles : Roles.Distinct(StringComparer.Ordinal).ToArray();
}
