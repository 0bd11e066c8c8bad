using System.Net;
using System.Net.Sockets;
using Akka.Cluster;
using EdgeCity.Actors.Hosting;

namespace EdgeCity.Actors.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class NodeWiringSpec
{
    [Fact]
    public async Task A_node_runs_keep_majority_with_the_edge_link_timings_and_stays_alive_when_downed()
    {
        await using var node = await ClusterTestNode.StartAsync([], o => o.Timings = new ClusterTimings());
        var config = node.System.Settings.Config;

        Assert.Equal("keep-majority", config.GetString("akka.cluster.split-brain-resolver.active-strategy"));
        Assert.Equal(TimeSpan.FromSeconds(15), config.GetTimeSpan("akka.cluster.split-brain-resolver.stable-after"));
        Assert.Equal(TimeSpan.FromSeconds(45), config.GetTimeSpan("akka.cluster.split-brain-resolver.down-all-when-unstable"));
        Assert.Equal(TimeSpan.FromSeconds(1), config.GetTimeSpan("akka.cluster.failure-detector.heartbeat-interval"));
        Assert.Equal(TimeSpan.FromSeconds(6), config.GetTimeSpan("akka.cluster.failure-detector.acceptable-heartbeat-pause"));
        Assert.Contains("SplitBrainResolverProvider", config.GetString("akka.cluster.downing-provider-class"));
        Assert.False(config.GetBoolean("akka.cluster.run-coordinated-shutdown-when-down"));
        // Pub-sub runs on every node whatever its roles: camera-only boxes publish their intersection states too.
        Assert.Equal(string.Empty, config.GetString("akka.cluster.pub-sub.role"));
    }

    [Fact]
    public async Task Kubernetes_discovery_is_a_configuration_switch_that_starts_akka_management_bootstrap_instead_of_joining_itself()
    {
        var port = FreePort();
        await using var node = await ClusterTestNode.StartAsync([], o =>
        {
            o.Discovery = "kubernetes";
            o.Kubernetes.ManagementPort = port;
            o.Kubernetes.ServiceName = "edgecity-test";
            o.Kubernetes.RequiredContactPoints = 3;
        });
        var config = node.System.Settings.Config;

        Assert.Equal("kubernetes-api", config.GetString("akka.discovery.method"));
        Assert.Equal("app={0}", config.GetString("akka.discovery.kubernetes-api.pod-label-selector"));
        Assert.Equal("edgecity-test", config.GetString("akka.management.cluster.bootstrap.contact-point-discovery.service-name"));
        Assert.Equal(3, config.GetInt("akka.management.cluster.bootstrap.contact-point-discovery.required-contact-point-nr"));
        Assert.Equal("management", config.GetString("akka.management.cluster.bootstrap.contact-point-discovery.port-name"));

        Assert.Equal(port, config.GetInt("akka.management.http.port"));
        Assert.Equal("127.0.0.1", config.GetString("akka.management.http.hostname"));

        // Without contact points from the Kubernetes API the node must not form a cluster of its own (no self-join).
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.NotEqual(MemberStatus.Up, node.Cluster.SelfMember.Status);
    }

    [Fact]
    public async Task An_unknown_discovery_value_is_an_error_naming_the_setting()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => ClusterTestNode.StartAsync([], o => o.Discovery = "consul"));

        Assert.Contains("EdgeCity:Cluster:Discovery: unknown value 'consul'", Flatten(ex));
    }

    private static string Flatten(Exception ex) => ex.InnerException is null ? ex.Message : ex.Message + " | " + Flatten(ex.InnerException);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
