using Akka.Cluster.Hosting;
using Akka.Cluster.Hosting.SBR;
using Akka.Hosting;
using Akka.Remote.Hosting;
using EdgeCity.Actors.Cluster;

namespace EdgeCity.Actors.Hosting;

/// <summary>Akka.Hosting wiring for an EdgeCity node: remoting, clustering with split-brain resolver, and the cluster monitor.</summary>
public static class EdgeCityAkkaExtensions
{
    /// <summary>Adds remoting and clustering. With no seed nodes the node joins itself and forms a single-node cluster.</summary>
    public static AkkaConfigurationBuilder WithEdgeCityCluster(this AkkaConfigurationBuilder builder, EdgeCityClusterOptions options)
    {
        builder
            .WithRemoting(new RemoteOptions
            {
                HostName = options.Hostname,
                PublicHostName = options.PublicHostname ?? options.Hostname,
                Port = options.Port,
            })
            .WithClustering(new ClusterOptions
            {
                Roles = options.EffectiveRoles.ToArray(),
                SeedNodes = options.SeedNodes.ToArray(),
                SplitBrainResolver = new KeepMajorityOption(),
            })
            .WithActors((system, registry) =>
            {
                registry.Register<ClusterMonitor>(system.ActorOf(ClusterMonitor.Props(), "cluster-monitor"));
                if (options.SeedNodes.Count == 0)
                {
                    // No seeds: this box is a cluster of its own (the demo, a lone intersection).
                    var cluster = Akka.Cluster.Cluster.Get(system);
                    cluster.Join(cluster.SelfAddress);
                }
            });
        return builder;
    }
}
