using System.Diagnostics;
using EdgeCity.Domain.Evaluation;
using EdgeCity.Domain.Sites;
using EdgeCity.Simulation.Network;
using EdgeCity.Simulation.Sumo;
using EdgeCity.Simulation.Traci;
using OpenCvSharp;

namespace EdgeCity.Simulation.Twin;

/// <summary>
/// A site's digital twin running: SUMO on the site's network and routes, and a renderer for every camera that has a pose.
/// <see cref="Run"/> steps it on the calling thread (give it a thread of its own), one rendered frame per step.
/// </summary>
public sealed class SiteTwin : IDisposable
{
    private SiteTwin(SumoProcess sumo, SumoNetwork network, IReadOnlyList<CameraRenderer> renderers, double stepLength)
    {
        Sumo = sumo;
        Network = network;
        Renderers = renderers;
        StepLength = stepLength;
    }

    public SumoProcess Sumo { get; }

    public SumoNetwork Network { get; }

    public IReadOnlyList<CameraRenderer> Renderers { get; }

    public double StepLength { get; }

    /// <summary>Wall-clock time spent rendering frames (including the caller's frame handler), for throughput reports.</summary>
    public TimeSpan RenderTime { get; private set; }

    /// <summary>Wall-clock time spent in SUMO: stepping and reading vehicle and person states over TraCI.</summary>
    public TimeSpan SimulationTime { get; private set; }

    /// <summary>Frames rendered so far, over all cameras.</summary>
    public long FramesRendered { get; private set; }

    /// <summary>Starts SUMO for the site's twin and prepares the cameras (all with a pose, or those listed).</summary>
    /// <param name="site">A validated site with a twin section.</param>
    /// <param name="siteFolder">The folder of the site file: the twin's paths are relative to it.</param>
    /// <param name="cameraIds">Only these cameras; all posed cameras when null or empty.</param>
    /// <param name="onSumoError">Receives SUMO's error and warning lines.</param>
    /// <param name="cancellationToken">Stops the start.</param>
    public static async Task<SiteTwin> StartAsync(
        SiteDefinition site, string siteFolder, IReadOnlyCollection<string>? cameraIds = null, Action<string>? onSumoError = null, CancellationToken cancellationToken = default)
    {
        var twin = site.Twin ?? throw new ArgumentException($"site '{site.Name}' has no twin section ($.twin)");
        string Resolve(string p) => Path.GetFullPath(Path.Combine(siteFolder, p));
        var cameras = site.Cameras.Where(c => c.Pose is not null && (cameraIds is not { Count: > 0 } || cameraIds.Contains(c.Id))).ToList();
        if (cameraIds is { Count: > 0 })
        {
            var missing = cameraIds.Except(cameras.Select(c => c.Id)).ToList();
            if (missing.Count > 0)
            {
                throw new ArgumentException($"site '{site.Name}' has no posed camera '{string.Join("', '", missing)}' (has: {string.Join(", ", site.Cameras.Where(c => c.Pose is not null).Select(c => c.Id))})");
            }
        }

        var network = SumoNetworkReader.Read(Resolve(twin.Net));
        var laneApproaches = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var a in site.Intersections.SelectMany(i => i.Approaches))
        {
            foreach (var lane in a.SumoLanes)
            {
                laneApproaches.TryAdd(lane, a.Id);
            }
        }

        var renderers = cameras.Select(c => new CameraRenderer(c.Id, c.Pose!, network, c.CountLines, watchedLanes: c.Zones.Select(z => z.Lane).Distinct().ToList(), laneApproaches: laneApproaches)).ToList();
        try
        {
            var sumo = await SumoProcess.StartAsync(
                new SumoLaunchOptions
                {
                    NetFile = Resolve(twin.Net),
                    RouteFiles = twin.Routes.Select(Resolve).ToList(),
                    AdditionalFiles = twin.Additional.Select(Resolve).ToList(),
                    StepLength = twin.StepLength,
                    Begin = twin.Begin,
                    End = twin.End > 0 ? twin.End : null,
                    Seed = twin.Seed,
                    WorkingDirectory = siteFolder,
                    ExtraArguments = ["--no-warnings", "true", "--time-to-teleport", "300"],
                },
                onSumoError,
                cancellationToken);
            return new SiteTwin(sumo, network, renderers, twin.StepLength);
        }
        catch
        {
            foreach (var r in renderers)
            {
                r.Dispose();
            }

            throw;
        }
    }

    /// <summary>Advances one step and renders every camera; <paramref name="onFrame"/> gets each image (valid only during the call).</summary>
    /// <returns>False when the scenario is over.</returns>
    public bool Step(Action<CameraRenderer, Mat, TruthFrame> onFrame)
    {
        var traci = Sumo.Traci;
        var clock = Stopwatch.StartNew();
        traci.Step();
        var vehicles = traci.VehicleStates(traci.VehicleIds());
        var persons = traci.PersonStates(traci.PersonIds());
        var time = traci.Time;
        SimulationTime += clock.Elapsed;
        clock.Restart();
        foreach (var renderer in Renderers)
        {
            var (image, truth) = renderer.Render(vehicles, time, persons);
            onFrame(renderer, image, truth);
        }

        RenderTime += clock.Elapsed;
        FramesRendered += Renderers.Count;

        return vehicles.Count > 0 || persons.Count > 0 || traci.MinExpectedVehicles > 0;
    }

    /// <summary>Steps until cancelled, the scenario ends, or <paramref name="seconds"/> of simulated time passed; paced to the wall clock when <paramref name="realTime"/>.</summary>
    /// <returns>The number of steps taken.</returns>
    public long Run(Action<CameraRenderer, Mat, TruthFrame> onFrame, bool realTime, double? seconds, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        long steps = 0;
        var limit = seconds is { } s ? (long)Math.Round(s / StepLength) : long.MaxValue;
        while (!cancellationToken.IsCancellationRequested && steps < limit)
        {
            if (!Step(onFrame))
            {
                steps++;
                break;
            }

            steps++;
            if (realTime)
            {
                var due = TimeSpan.FromSeconds(steps * StepLength) - clock.Elapsed;
                if (due > TimeSpan.Zero)
                {
                    cancellationToken.WaitHandle.WaitOne(due);
                }
            }
        }

        return steps;
    }

    public void Dispose()
    {
        Sumo.Dispose();
        foreach (var r in Renderers)
        {
            r.Dispose();
        }
    }
}
