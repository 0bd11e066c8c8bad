using Akka.Actor;
using Akka.Hosting;
using EdgeCity.Actors.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EdgeCity.Actors.Tests.Cluster;

/// <summary>One EdgeCity cluster node in this process: a real generic host with the node's Akka wiring on 127.0.0.1, port 0.</summary>
internal sealed class ClusterTestNode : IAsyncDisposable
{
    private ClusterTestNode(IHost host)
    {
        Host = host;
        System = host.Services.GetRequiredService<ActorSystem>();
        Registry = host.Services.GetRequiredService<ActorRegistry>();
    }

    public IHost Host { get; }

    public ActorSystem System { get; }

    public ActorRegistry Registry { get; }

    public Akka.Cluster.Cluster Cluster => Akka.Cluster.Cluster.Get(System);

    public Address Address => Cluster.SelfAddress;

    /// <summary>Short timings for tests only, generous enough for a loaded two-core machine.</summary>
    public static ClusterTimings TestTimings => new()
    {
        HeartbeatInterval = TimeSpan.FromSeconds(1),
        AcceptableHeartbeatPause = TimeSpan.FromSeconds(5),
        StableAfter = TimeSpan.FromSeconds(4),
        DownAllWhenUnstable = TimeSpan.FromSeconds(30),
    };

    public static async Task<ClusterTestNode> StartAsync(
        IEnumerable<Address> seeds,
        Action<EdgeCityClusterOptions>? configure = null,
        string hocon = "",
        Action<AkkaConfigurationBuilder>? akka = null)
    {
        var options = new EdgeCityClusterOptions { Port = 0, Timings = TestTimings, SeedNodes = seeds.Select(a => a.ToString()).ToList() };
        configure?.Invoke(options);
        var host = new HostBuilder()
            .ConfigureServices(services => services.AddAkka(options.SystemName, (builder, _) =>
            {
                builder
                    .AddHocon("akka.loglevel = WARNING\nakka.stdout-loglevel = WARNING\n" + hocon, HoconAddMode.Prepend)
                    .WithEdgeCityCluster(options)
                    .WithCoordinatorSingleton<WhereAreYou>("test-coordinator", WhereAreYou.Props());
                akka?.Invoke(builder);
            }))
            .Build();
        await host.StartAsync();
        return new ClusterTestNode(host);
    }

    /// <summary>Asks the singleton, through this node's proxy, on which node it runs.</summary>
    public Task<string> AskSingletonWhereAsync(TimeSpan timeout) =>
        Registry.Get<WhereAreYou>().Ask<string>(WhereAreYou.Question, timeout);

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await Host.StopAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
        }

        Host.Dispose();
    }
}
