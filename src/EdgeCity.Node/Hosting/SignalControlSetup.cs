using EdgeCity.Actors.Hosting;
using EdgeCity.Actors.Signals;
using EdgeCity.Domain.Control;
using EdgeCity.Domain.Control.Controllers;
using EdgeCity.Domain.Signals;
using EdgeCity.Domain.Sites;
using EdgeCity.Node.Hosting.Cameras;
using EdgeCity.Simulation.Control;
using EdgeCity.Simulation.Network;
using EdgeCity.Simulation.Sumo;

namespace EdgeCity.Node.Hosting;

/// <summary>
/// Decides which intersections this node controls and how: in the demo, every signalised intersection of the demo
/// site's SUMO twin (TraCI heads, the simulation clock, camera measurements with detectors where no camera looks, or
/// detectors only); with <c>run --site</c>, the site's
/// intersections with log-only heads on the wall clock. Audit logs go to <c>EdgeCity:Signals:AuditDirectory</c>.
/// </summary>
public sealed class SignalControlSetup
{
    public SignalCoordinators Coordinators { get; } = new();

    public LiveSignals Live { get; private init; } = new();

    public DemoLoopPlan? Demo { get; private init; }

    /// <summary>The signal model each coordinator runs, by intersection id: the operator view names phases from it.</summary>
    public SiteSignalModels Models { get; private init; } = new(new Dictionary<string, IntersectionSignalModel>());

    /// <summary>Builds each coordinator's settings once the host's services exist.</summary>
    public Func<IServiceProvider, IReadOnlyList<IntersectionCoordinatorSettings>> Intersections { get; private init; } = _ => [];

    public static SignalControlSetup Prepare(NodeLaunch launch, IConfiguration configuration)
    {
        var audit = AuditFolder.Of(launch, configuration);
        if (launch.Mode == "demo")
        {
            return PrepareDemo(launch, configuration, audit);
        }

        if (launch.Site is not { Intersections.Count: > 0 } site)
        {
            return new SignalControlSetup();
        }

        var live = new LiveSignals { Source = $"site '{site.Name}': log-only signal heads, no measurements yet (fixed-time fallback)" };
        var models = site.Intersections.ToDictionary(x => x.Id, SiteSignalModel.FromApproaches, StringComparer.Ordinal);
        return new SignalControlSetup
        {
            Live = live,
            Models = new SiteSignalModels(models),
            Intersections = services => site.Intersections.Select(x =>
            {
                var timings = new SignalTimings(models[x.Id]);
                var head = new LiveSignalHead(new LogSignalHead(services.GetRequiredService<ILogger<LogSignalHead>>()), live, x.Controller);
                return Settings(timings, x.Controller, head, audit, TimeProvider.System);
            }).ToList(),
        };
    }

    private static SignalControlSetup PrepareDemo(NodeLaunch launch, IConfiguration configuration, string audit)
    {
        var path = configuration["EdgeCity:Demo:Site"] is { Length: > 0 } configured ? configured : FindDemoSite();
        var none = new SignalControlSetup();
        if (path is null || !File.Exists(path))
        {
            none.Live.Source = "demo site not found (set EdgeCity:Demo:Site): no signal control";
            Console.WriteLine($"demo: {none.Live.Source}");
            return none;
        }

        if (SumoInstallation.Find() is null)
        {
            none.Live.Source = "SUMO is not installed (sumo, SUMO_HOME): no simulated signal control";
            Console.WriteLine($"demo: {none.Live.Source}");
            return none;
        }

        var loaded = SiteFile.Load(path);
        if (!loaded.IsValid || loaded.Site!.Twin is null)
        {
            none.Live.Source = $"demo site {path} is invalid or has no twin: {loaded.Describe()}";
            Console.WriteLine($"demo: {none.Live.Source}");
            return none;
        }

        var site = loaded.Site;
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var why = string.Empty;
        var cameras = launch.Cameras ? DemoCameraSetup.Plan(site, configuration, folder, out why) : null;
        if (launch.Cameras && cameras is null)
        {
            Console.WriteLine($"demo: {why}; measuring with SUMO's detectors instead");
        }

        var network = SumoNetworkReader.Read(Path.Combine(folder, site.Twin.Net));
        var clock = new SimulationClock(DateTimeOffset.UtcNow);
        var queue = new SumoSignalQueue();
        var live = new LiveSignals { Source = "starting the SUMO twin" };
        var controllerOverride = launch.Controller;
        var intersections = new List<(IntersectionDefinition Definition, SumoSignalModel Signal, SignalTimings Timings, string Controller)>();
        foreach (var x in site.Intersections.Where(x => x.SumoTls is not null && network.TrafficLights.ContainsKey(x.SumoTls)))
        {
            var signal = SumoSignalModelBuilder.Build(network, x.SumoTls!, x.Plan?.Program);
            var model = WithPlanBounds(signal.Model, x.Plan) with { IntersectionId = x.Id };
            intersections.Add((x, signal, new SignalTimings(model), controllerOverride ?? x.Controller));
        }

        return new SignalControlSetup
        {
            Live = live,
            Models = new SiteSignalModels(intersections.ToDictionary(i => i.Definition.Id, i => i.Timings.Model, StringComparer.Ordinal)),
            Demo = new DemoLoopPlan(site, folder, clock, queue,
                intersections.Select(i => new DemoIntersection(
                    i.Definition.Id, i.Controller, MovementLanes.Of(i.Signal.TrafficLight, i.Timings.Model),
                    i.Timings.Model.Movements.ToDictionary(m => m.Id, m => m.Approach, StringComparer.Ordinal))).ToList(),
                cameras, configuration.GetValue("EdgeCity:Demo:TwinPort", 0)),
            Intersections = _ => intersections.Select(i => Settings(
                i.Timings, i.Controller,
                new LiveSignalHead(new TraciSignalHead(i.Signal.TrafficLight.Id, i.Timings.Model, i.Signal.TrafficLight.LinkCount, queue), live, i.Controller),
                audit, clock) with
            {
                // The twin's lanes per movement: camera measurements reach each movement lane by lane.
                MovementLanes = MovementLanes.Of(i.Signal.TrafficLight, i.Timings.Model).ToDictionary(l => l.MovementId, l => l.InLanes, StringComparer.Ordinal),
            }).ToList(),
        };
    }

    private static IntersectionCoordinatorSettings Settings(SignalTimings timings, string controller, ISignalHead head, string auditDirectory, TimeProvider time) =>
        new(timings,
            SignalControllers.Create(controller, timings, schedule: ControlledJunction.SumoSchedule),
            head,
            JsonLinesSignalAuditLog.OpenFile(Path.Combine(auditDirectory, $"{timings.Model.IntersectionId}.jsonl")),
            time)
        {
            AuditHeartbeat = TimeSpan.FromSeconds(1),
        };

    /// <summary>The site plan's green bounds on the phases it names; the others get <see cref="ControlBounds"/>.</summary>
    private static IntersectionSignalModel WithPlanBounds(IntersectionSignalModel model, PlanDefinition? plan)
    {
        var relaxed = ControlBounds.Relax(model);
        var planned = (plan?.Phases ?? []).ToDictionary(p => p.Id);
        return relaxed with
        {
            Phases = relaxed.Phases.Select(p => planned.TryGetValue(p.Id, out var q)
                ? p with { MinGreenSeconds = q.MinGreenSeconds, MaxGreenSeconds = Math.Max(q.MinGreenSeconds, q.MaxGreenSeconds), DefaultGreenSeconds = q.GreenSeconds > 0 ? q.GreenSeconds : p.DefaultGreenSeconds }
                : p).ToList(),
        };
    }

    private static string? FindDemoSite()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "deploy", "sites", "demo", "site.json");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
