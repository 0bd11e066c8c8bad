using System.Net;
using Akka.Actor;
using EdgeCity.Actors.Hosting;
using EdgeCity.Actors.Signals;
using EdgeCity.Domain.Control.Controllers;
using EdgeCity.Domain.Control;
using EdgeCity.Domain.Sites;
using EdgeCity.Node.Hosting;
using EdgeCity.Simulation.Network;
using EdgeCity.Testing;
using Measurement = EdgeCity.Domain.Measurements.ApproachMeasurement;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeCity.Node.Tests.Api;

/// <summary>
/// An in-process node with the demo site on real sockets (HTTP and Akka on port 0), plus the node's real
/// intersection coordinators (actuated, signal head that logs) so the API and dashboard have live signals to show.
/// </summary>
internal sealed class OperatorNode : IAsyncDisposable
{
    private readonly List<IActorRef> _coordinators = [];

    private OperatorNode(WebApplication app, string baseUrl, SiteDefinition site, string sitePath)
    {
        App = app;
        BaseUrl = baseUrl;
        Site = site;
        SitePath = sitePath;
        Http = new HttpClient { BaseAddress = new Uri(baseUrl) };
    }

    public WebApplication App { get; }

    public string BaseUrl { get; }

    public SiteDefinition Site { get; }

    public string SitePath { get; }

    public HttpClient Http { get; }

    public ActorSystem System => App.Services.GetRequiredService<ActorSystem>();

    public IReadOnlyDictionary<string, IActorRef> Coordinators => Site.Intersections.Zip(_coordinators).ToDictionary(p => p.First.Id, p => p.Second);

    public static string DemoSitePath => Path.Combine(RepositoryRoot.FullName, "deploy", "sites", "demo", "site.json");

    public static Task<OperatorNode> StartAsync(string? token = null, params string[] extraArgs) => StartAdaptedAsync(site => site, token, extraArgs);

    /// <summary>Starts the node on the demo site as <paramref name="adapt"/> changes it (a time zone, say).</summary>
    public static async Task<OperatorNode> StartAdaptedAsync(Func<SiteDefinition, SiteDefinition> adapt, string? token = null, params string[] extraArgs)
    {
        var path = DemoSitePath;
        var demo = SiteFile.Load(path).Site ?? throw new InvalidOperationException("demo site does not load");
        // The node runs the site's controllers; actuated ones react to the measurements the tests send.
        var site = adapt(demo with { Intersections = demo.Intersections.Select(x => x with { Controller = "actuated" }).ToList() });
        var args = new List<string>(extraArgs);
        if (token is not null)
        {
            args.Add($"--EdgeCity:Api:Token={token}");
        }

        var app = NodeHost.Build(new NodeLaunch { Mode = "test", Site = site, SitePath = path, HttpUrls = "http://127.0.0.1:0", ClusterPort = 0, Args = [.. args] });
        await app.StartAsync();
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var node = new OperatorNode(app, baseUrl, site, path);
        await node.WaitForReadyAsync();
        return node;
    }

    /// <summary>
    /// Waits for the node's own coordinators (one per site intersection, started by the node with log-only heads and
    /// the site's controller, actuated here) so the API and dashboard have live signals to show.
    /// </summary>
    public async Task StartCoordinatorsAsync()
    {
        var registry = App.Services.GetRequiredService<SignalCoordinators>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        foreach (var x in Site.Intersections)
        {
            IActorRef? coordinator;
            while (!registry.ById.TryGetValue(x.Id, out coordinator))
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"the node started no coordinator for {x.Id}");
                }

                await Task.Delay(50);
            }

            await coordinator.Ask<IntersectionStatus>(GetIntersectionStatus.Instance, TimeSpan.FromSeconds(10));
            _coordinators.Add(coordinator!);
        }
    }

    public void Measure(int step)
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var (x, i) in Site.Intersections.Select((x, i) => (x, i)))
        {
            foreach (var (a, k) in x.Approaches.Select((a, k) => (a, k)))
            {
                // Queues that grow and discharge at different rates per approach, so every number moves.
                var queue = Math.Round(15 + 12 * (k + 1) * (1 + Math.Sin((step + 3 * i) * (0.4 + 0.1 * k))), 1);
                var flow = 300.0 + 40 * k + 25 * ((step + k) % 7);
                var camera = Site.Cameras.FirstOrDefault(c => c.Intersection == x.Id && c.Approach == a.Id)?.Id ?? $"cam-{a.Id}";
                var m = new Measurement(x.Id, a.Id, camera, now, TimeSpan.FromSeconds(1), (step + k) % 3, [], flow, flow, queue, 0.1 * (k + 1), [], 8.0, TimeSpan.FromMilliseconds(80), false, null);
                System.EventStream.Publish(m);
                Coordinators[x.Id].Tell(new ApproachObservation(a.Id, new MovementObservation { QueueVehicles = queue / 7.5, Presence = queue > 20, Occupancy = 0.1 * (k + 1) }, now));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }

    private async Task WaitForReadyAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if ((await Http.GetAsync("/healthz/ready")).StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("node did not become ready in 30 s");
    }
}
