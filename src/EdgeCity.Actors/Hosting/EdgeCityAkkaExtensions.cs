using Akka.Actor;
using Akka.Cluster.Hosting;
using Akka.Cluster.Hosting.SBR;
using Akka.Discovery.KubernetesApi;
using Akka.Hosting;
using Akka.Management;
using Akka.Management.Cluster.Bootstrap;
using Akka.Remote.Hosting;
using EdgeCity.Actors.Cluster;
using EdgeCity.Actors.Cluster.Contracts;

namespace EdgeCity.Actors.Hosting;

/// <summary>Akka.Hosting wiring for an EdgeCity node: remoting (optionally mutual TLS), clustering with split-brain resolver, discovery, pub-sub, serializers, monitor.</summary>
public static class EdgeCityAkkaExtensions
{
    /// <summary>Name of the corridor coordinator singleton.</summary>
    public const string CorridorCoordinatorName = "corridor-coordinator";

    /// <summary>
    /// Adds remoting and clustering. Static discovery with no seed nodes makes the node join itself (a cluster of its own);
    /// Kubernetes discovery lets Akka.Management bootstrap the cluster from the pods the API lists.
    /// </summary>
    public static AkkaConfigurationBuilder WithEdgeCityCluster(this AkkaConfigurationBuilder builder, EdgeCityClusterOptions options)
    {
        var kubernetes = IsKubernetes(options);
        builder
            .AddHocon(ClusterHocon.For(options), HoconAddMode.Prepend)
            .WithRemoting(RemoteOptionsFor(options))
            .WithClustering(new ClusterOptions
            {
                Roles = options.EffectiveRoles.ToArray(),
                SeedNodes = kubernetes ? [] : options.SeedNodes.ToArray(),
                SplitBrainResolver = new KeepMajorityOption(),
            })
            .WithDistributedPubSub(null!)
            .WithCustomSerializer(ClusterContractSerializer.Name, [typeof(IClusterContract)], system => new ClusterContractSerializer(system))
            .WithCustomSerializer(FrameSerializationGuard.Name, [typeof(OpenCvSharp.DisposableObject), typeof(Vision.Assessment.IngestedImage)], system => new FrameSerializationGuard(system));

        if (kubernetes)
        {
            builder.WithKubernetesBootstrap(options);
        }

        return builder.WithActors((system, registry) =>
        {
            registry.Register<ClusterMonitor>(system.ActorOf(ClusterMonitor.Props(), "cluster-monitor"));
            if (!kubernetes && options.SeedNodes.Count == 0)
            {
                // No seeds: this box is a cluster of its own (the demo, a lone intersection).
                var cluster = Akka.Cluster.Cluster.Get(system);
                cluster.Join(cluster.SelfAddress);
            }
        });
    }

    /// <summary>
    /// Runs <paramref name="props"/> as a cluster singleton on the oldest <c>coordinator</c> node, with a proxy on this node
    /// registered under <typeparamref name="TKey"/>. The singleton moves when its node leaves or is downed.
    /// </summary>
    public static AkkaConfigurationBuilder WithCoordinatorSingleton<TKey>(this AkkaConfigurationBuilder builder, string name, Props props) =>
        builder.WithSingleton<TKey>(name, SingletonPresence.Props(name, props), new ClusterSingletonOptions { Role = ClusterRoles.Coordinator }, createProxyToo: true);

    /// <summary>Runs the corridor coordinator (<paramref name="props"/>) as the <c>corridor-coordinator</c> singleton; its proxy is registered under <see cref="CorridorCoordinatorSingleton"/>.</summary>
    public static AkkaConfigurationBuilder WithCorridorCoordinator(this AkkaConfigurationBuilder builder, Props props) =>
        builder.WithCoordinatorSingleton<CorridorCoordinatorSingleton>(CorridorCoordinatorName, props);

    private static bool IsKubernetes(EdgeCityClusterOptions options) => options.Discovery.Trim().ToLowerInvariant() switch
    {
        ClusterDiscovery.Static => false,
        ClusterDiscovery.Kubernetes => true,
        _ => throw new InvalidOperationException(
            $"EdgeCity:Cluster:Discovery: unknown value '{options.Discovery}' (use '{ClusterDiscovery.Static}' or '{ClusterDiscovery.Kubernetes}')."),
    };

    private static RemoteOptions RemoteOptionsFor(EdgeCityClusterOptions options)
    {
        var remote = new RemoteOptions
        {
            HostName = options.Hostname,
            PublicHostName = options.PublicHostname ?? options.Hostname,
            Port = options.Port,
        };
        if (options.Tls.Enabled)
        {
            var siteCa = NodeCertificate.LoadSiteCa(options.Tls);
            remote.EnableSsl = true;
            remote.Ssl = new SslOptions
            {
                X509Certificate = NodeCertificate.Load(options.Tls),
                SuppressValidation = false,
                // Both ends present a certificate and both check the other's against the site CA.
                RequireMutualAuthentication = true,
                // Per-box certificates and addresses from discovery: identity is "issued by our CA", not a host name.
                ValidateCertificateHostname = false,
                CustomValidator = SiteCertificateValidator.ChainsTo(siteCa),
            };
        }

        return remote;
    }

    private static void WithKubernetesBootstrap(this AkkaConfigurationBuilder builder, EdgeCityClusterOptions options)
    {
        var k8s = options.Kubernetes;
        builder
            .WithAkkaManagement(new AkkaManagementOptions
            {
                HostName = options.PublicHostname ?? options.Hostname,
                Port = k8s.ManagementPort,
                BindHostName = options.Hostname,
                BindPort = k8s.ManagementPort,
            }, autoStart: true)
            .WithClusterBootstrap(bootstrap =>
            {
                bootstrap.ContactPointDiscovery.ServiceName = k8s.ServiceName;
                bootstrap.ContactPointDiscovery.PortName = "management";
                bootstrap.ContactPointDiscovery.RequiredContactPointsNr = k8s.RequiredContactPoints;
            }, autoStart: true)
            .WithKubernetesDiscovery(new KubernetesDiscoveryOptions
            {
                PodLabelSelector = k8s.PodLabelSelector,
                PodNamespace = string.IsNullOrWhiteSpace(k8s.PodNamespace) ? null : k8s.PodNamespace,
            });
    }
}
