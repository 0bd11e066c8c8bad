namespace EdgeCity.Actors.Hosting;

/// <summary>Failure detection and split-brain timings: bound under <c>EdgeCity:Cluster:Timings</c>; identical on every node.</summary>
/// <remarks>The README's "Cluster and deployment" section explains the defaults (radio links that stall for seconds).</remarks>
public sealed class ClusterTimings
{
    /// <summary>How often a node heartbeats the members it monitors.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Heartbeat silence tolerated before a member is marked unreachable; covers a radio link's usual stalls.</summary>
    public TimeSpan AcceptableHeartbeatPause { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>How long the set of unreachable members must stay unchanged before the split-brain resolver downs a side.</summary>
    public TimeSpan StableAfter { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>If reachability keeps changing this long beyond <see cref="StableAfter"/>, every node downs itself (a link too unstable to coordinate over).</summary>
    public TimeSpan DownAllWhenUnstable { get; set; } = TimeSpan.FromSeconds(45);
}
