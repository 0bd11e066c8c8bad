using Akka.Cluster;
using Akka.Configuration;
using EdgeCity.Actors.Cluster;
using Prometheus;

namespace EdgeCity.Actors.Tests.Cluster;

public sealed class ClusterMonitorSpec : Akka.TestKit.Xunit2.TestKit
{
    private static readonly Config ClusterConfig = ConfigurationFactory.ParseString("""
        akka.actor.provider = cluster
        akka.remote.dot-netty.tcp.hostname = 127.0.0.1
        akka.remote.dot-netty.tcp.port = 0
        akka.loglevel = WARNING
        """);

    public ClusterMonitorSpec()
        : base(ClusterConfig)
    {
    }

    [Fact]
    public async Task A_node_that_joins_itself_is_published_as_one_up_member()
    {
        // Its own registry: other specs in this process run cluster nodes whose monitors publish to the default one.
        var registry = Metrics.NewCustomRegistry();
        Sys.ActorOf(ClusterMonitor.Props(Metrics.WithCustomRegistry(registry)));
        var cluster = Akka.Cluster.Cluster.Get(Sys);

        cluster.Join(cluster.SelfAddress);

        await AwaitAssertAsync(async () =>
        {
            Assert.Equal(MemberStatus.Up, cluster.SelfMember.Status);
            var text = await ScrapeAsync(registry);
            Assert.Contains("edgecity_cluster_self_up 1", text);
            Assert.Contains("edgecity_cluster_members{status=\"up\"} 1", text);
        }, TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(200));
    }

    private static async Task<string> ScrapeAsync(CollectorRegistry registry)
    {
        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
