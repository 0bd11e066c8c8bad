using System.Diagnostics;
using Akka.Actor;
using EdgeCity.Actors.Cameras;
using EdgeCity.Actors.Hosting;
using EdgeCity.Actors.Signals;
using EdgeCity.Domain.Sites;
using EdgeCity.Node.Hosting.Cameras;
using EdgeCity.Simulation.Control;
using EdgeCity.Simulation.Network;
using EdgeCity.Simulation.Traci;
using EdgeCity.Simulation.Twin;
using EdgeCity.Vision.Inference;
using OpenCvSharp;

namespace EdgeCity.Node.Hosting;

/// <summary>
/// The demo's closed loop: the site's SUMO twin stepped at real time on a thread of its own; each step moves the
/// <see cref="SimulationClock"/> the coordinators tick on, applies the states their <see cref="TraciSignalHead"/>s
/// posted, and twice a second sends each coordinator the detector measurements of the movements no camera watches.
/// The twin's cameras are served over MJPEG; on the camera path (<see cref="DemoCameraPath"/>) camera actors decode
/// them and their analytics measure the other approaches. When SUMO stops answering, readiness says so, the
/// coordinators' clock follows the wall clock (their data goes stale, they fall back) and the twin is restarted with
/// backoff, its time continuing the clock's. Stopping the host stops the loop and SUMO.
/// </summary>
public sealed class DemoLoop(
    DemoLoopPlan plan, SignalCoordinators coordinators, LiveSignals live, IServiceProvider services, ILogger<DemoLoop> logger) : BackgroundService
{
    private const double MeasureEverySeconds = 0.5;

    /// <summary>Seconds to wait before the first restart of a SUMO twin that stopped (then doubled, up to 30 s).</summary>
    public const string RestartKey = "EdgeCity:Demo:TwinRestartSeconds";

    private readonly TimeSpan _firstRetry = TimeSpan.FromSeconds(Math.Clamp(services.GetService<IConfiguration>()?.GetValue<double?>(RestartKey) ?? 2, 0.5, 30));

    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(30);

    private string _measuring = string.Empty;

    /// <summary>Approaches measured by a camera, per intersection: their movements get no detector measurements.</summary>
    private IReadOnlyDictionary<string, IReadOnlySet<string>> _cameraApproaches = new Dictionary<string, IReadOnlySet<string>>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        MjpegServer? server = null;
        var backoff = _firstRetry;
        try
        {
            for (var attempt = 0; !stoppingToken.IsCancellationRequested; attempt++)
            {
                SiteTwin twin;
                try
                {
                    twin = await SiteTwin.StartAsync(plan.Site, plan.SiteFolder, null, line => logger.LogWarning("SUMO: {Line}", line), stoppingToken);
                }
                catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IOException)
                {
                    if (attempt == 0)
                    {
                        live.Source = $"SUMO twin did not start: {ex.Message}";
                        logger.LogError("Demo loop: the SUMO twin of {Site} did not start: {Error}; signals hold all-red and nothing is simulated", plan.Site.Name, ex.Message);
                        return;
                    }

                    backoff = await WaitToRestartAsync($"SUMO twin did not restart: {ex.Message}", backoff, stoppingToken);
                    continue;
                }

                string? stopped;
                using (twin)
                {
                    if (server is null)
                    {
                        server = new MjpegServer(twin.Renderers.Select(r => r.CameraId), plan.TwinPort);
                        foreach (var r in twin.Renderers)
                        {
                            logger.LogInformation("Twin camera {Camera}: {Url}", r.CameraId, server.UrlOf(r.CameraId));
                        }

                        _measuring = plan.Cameras is { } cameras ? await StartCamerasAsync(cameras, twin, server) : "measurements from SUMO detectors";
                    }

                    if (attempt > 0)
                    {
                        SimulationMetrics.Restarts.Inc();
                        logger.LogWarning("Demo loop: SUMO twin restarted (restart {Count}); coordinators command it again", (long)SimulationMetrics.Restarts.Value);
                        backoff = _firstRetry;
                    }

                    live.Fault = null;
                    SimulationMetrics.Running.Set(1);
                    live.Source = $"SUMO twin of site '{plan.Site.Name}' ({twin.Renderers.Count} cameras on http://127.0.0.1:{server.Port}/), {_measuring}";
                    logger.LogInformation("Demo loop: {Count} coordinators command SUMO through TraCI, {Measuring}", plan.Intersections.Count, _measuring);

                    // The coordinators' clock never goes back: a restarted SUMO's time continues from where the clock is.
                    var offset = plan.Clock.Seconds - twin.Sumo.Traci.Time;
                    var activeServer = server;
                    stopped = null;
                    var loop = new Thread(() => stopped = Run(twin, activeServer, offset, stoppingToken)) { IsBackground = true, Name = "demo-loop" };
                    loop.Start();
                    await Task.Run(loop.Join, CancellationToken.None);
                }

                if (stoppingToken.IsCancellationRequested)
                {
                    break;
                }

                backoff = await WaitToRestartAsync($"SUMO twin stopped: {stopped}", backoff, stoppingToken);
            }
        }
        finally
        {
            SimulationMetrics.Running.Set(0);
            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// While the twin is down: readiness says why, signal commands fail at once (the heads count them) instead of
    /// waiting, and the coordinators' clock follows the wall clock, so their data goes stale and they fall back as they
    /// would on a dead detector. Returns the next wait, doubled up to 30 s.
    /// </summary>
    private async Task<TimeSpan> WaitToRestartAsync(string reason, TimeSpan wait, CancellationToken stop)
    {
        SimulationMetrics.Running.Set(0);
        live.Fault = $"{reason}; restarting in {wait.TotalSeconds:0} s";
        live.Source = live.Fault;
        logger.LogError("Demo loop: {Reason}; coordinators run on the wall clock and fall back as their data goes stale; restart in {Seconds:0} s", reason, wait.TotalSeconds);
        var wall = Stopwatch.StartNew();
        var from = plan.Clock.Seconds;
        var down = new IOException(reason);
        while (wall.Elapsed < wait && !stop.IsCancellationRequested)
        {
            plan.Queue.Fail(down);
            plan.Clock.AdvanceTo(from + wall.Elapsed.TotalSeconds);
            try
            {
                await Task.Delay(100, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return TimeSpan.FromTicks(Math.Min(LastRetry.Ticks, wait.Ticks * 2));
    }

    /// <summary>Checks the model loads, then starts the camera path; says what measures what (or why detectors do).</summary>
    private async Task<string> StartCamerasAsync(DemoCameraPlan cameras, SiteTwin twin, MjpegServer server)
    {
        try
        {
            await Task.Run(() =>
            {
                foreach (var model in cameras.Models)
                {
                    DetectionModel.Load(cameras.Options.ModelsDirectory, model, cameras.Options.ToDetectorOptions()).Dispose();
                }
            });
        }
        catch (Exception ex) when (ex is ModelLoadException or IOException or InvalidDataException or ArgumentException)
        {
            logger.LogError("Demo loop: camera path off, model in {Folder} failed to load ({Error}); measuring with SUMO detectors", cameras.Options.ModelsDirectory, ex.Message);

            // The operator view lists the site's cameras: say why none of them runs, rather than leave them "unknown",
            // and keep saying it to a view that subscribes later (a stand-in under each camera's actor name).
            var system = services.GetRequiredService<ActorSystem>();
            foreach (var camera in plan.Site.Cameras)
            {
                system.ActorOf(
                    CameraOffActor.Props(camera.Id, $"camera path off: the model failed to load ({ex.Message}); its approach is measured by SUMO detectors", TimeProvider.System),
                    CameraActor.NameOf(camera.Id));
            }

            return $"measurements from SUMO detectors (camera model failed to load: {ex.Message})";
        }

        _cameraApproaches = DemoCameraPath.Start(
            services.GetRequiredService<ActorSystem>(), plan, cameras, server.UrlOf, twin.Network, coordinators, live, logger);
        var viaCameras = _cameraApproaches.Values.Sum(a => a.Count);
        var uncovered = plan.Intersections
            .SelectMany(i => i.ApproachOf.Values.Distinct().Where(a => !IsCamera(i.Id, a)).Select(a => $"{i.Id}/{a}"))
            .ToList();
        foreach (var x in uncovered)
        {
            logger.LogInformation("Demo loop: approach {Approach} has no camera: measured by SUMO detectors", x);
        }

        return $"{viaCameras} approaches measured by cameras ({live.Cameras.Count} cameras at {cameras.FramesPerSecond:0.#} fps through {string.Join(", ", cameras.Models)}), "
            + (uncovered.Count == 0 ? "none by detectors" : $"{uncovered.Count} without a camera by SUMO detectors: {string.Join(", ", uncovered)}");
    }

    private bool IsCamera(string intersection, string approach) =>
        _cameraApproaches.TryGetValue(intersection, out var set) && set.Contains(approach);

    /// <summary>Steps the twin until stopped (null) or until SUMO stops answering (the reason).</summary>
    private string? Run(SiteTwin twin, MjpegServer server, double offset, CancellationToken stop)
    {
        var traci = twin.Sumo.Traci;
        var detectors = new SumoDetectors(traci, twin.Network, plan.Intersections.SelectMany(i => i.Lanes));
        var encode = new ImageEncodingParam(ImwriteFlags.JpegQuality, 80);
        var wall = Stopwatch.StartNew();
        long steps = 0;
        double nextMeasure = 0, nextLive = 0;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                plan.Queue.Drain(traci);
                twin.Step((renderer, image, _) => server.Publish(renderer.CameraId, image.ImEncode(".jpg", encode)));
                steps++;
                var time = traci.Time;
                plan.Clock.AdvanceTo(offset + time);
                var arrived = traci.GetMany(TraciConstants.CmdGetSimulationVariable, TraciConstants.VarArrivedNumber, [string.Empty], r => r.TypedInt())[0];
                live.TripsArrived += arrived;
                SimulationMetrics.Arrived.Inc(arrived);
                if (time >= nextMeasure)
                {
                    nextMeasure = time + MeasureEverySeconds;
                    Measure(detectors, time);
                }

                if (time >= nextLive)
                {
                    nextLive = time + 1;
                    Report(traci, detectors, time);
                }

                var due = TimeSpan.FromSeconds(steps * twin.StepLength) - wall.Elapsed;
                if (due > TimeSpan.Zero)
                {
                    stop.WaitHandle.WaitOne(due);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or TraciException or ObjectDisposedException or InvalidDataException)
        {
            if (!stop.IsCancellationRequested)
            {
                return ex.Message;
            }
        }
        finally
        {
            plan.Queue.Fail(new OperationCanceledException("the SUMO twin stopped"));
        }

        return null;
    }

    private void Measure(SumoDetectors detectors, double time)
    {
        detectors.Read(time);
        var at = plan.Clock.GetUtcNow();
        foreach (var intersection in plan.Intersections)
        {
            if (!coordinators.ById.TryGetValue(intersection.Id, out var coordinator))
            {
                continue;
            }

            foreach (var lanes in intersection.Lanes)
            {
                if (IsCamera(intersection.Id, intersection.ApproachOf[lanes.MovementId]))
                {
                    continue; // the camera's analytics measure this movement
                }

                coordinator.Tell(new MovementMeasurement(lanes.MovementId, detectors.Observe(lanes, time), at));
            }
        }
    }

    private void Report(TraciConnection traci, SumoDetectors detectors, double time)
    {
        var ids = traci.VehicleIds();
        var losses = traci.GetMany(TraciConstants.CmdGetVehicleVariable, TraciConstants.VarTimeLoss, ids, r => r.TypedDouble());
        live.SimulationSeconds = time;
        live.Vehicles = ids.Count;
        live.MeanTimeLossSeconds = losses.Length == 0 ? 0 : losses.Average();
        SimulationMetrics.Time.Set(time);
        SimulationMetrics.Vehicles.Set(ids.Count);
        SimulationMetrics.MeanTimeLoss.Set(live.MeanTimeLossSeconds);
        foreach (var intersection in plan.Intersections)
        {
            var inLanes = intersection.Lanes.SelectMany(l => l.InLanes).ToList();
            var queue = detectors.Halting(inLanes);
            var counted = detectors.Departed(inLanes);
            SimulationMetrics.Queue.WithLabels(intersection.Id).Set(queue);
            var before = live.Intersections.TryGetValue(intersection.Id, out var was) ? was : null;
            SimulationMetrics.Counted.WithLabels(intersection.Id).Inc(Math.Max(0, counted - (before?.VehiclesCounted ?? 0)));
            live.Intersections[intersection.Id] = (before ?? new LiveIntersection(intersection.Id, intersection.Controller, "-", true, 0, 0))
                with { QueueVehicles = queue, VehiclesCounted = counted };
        }
    }
}
