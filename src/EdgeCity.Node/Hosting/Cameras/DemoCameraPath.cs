using Akka.Actor;
using EdgeCity.Actors.Hosting;
using EdgeCity.Domain.Sites;
using EdgeCity.Simulation.Network;
using EdgeCity.Simulation.Twin;

namespace EdgeCity.Node.Hosting.Cameras;

/// <summary>
/// Starts the demo's camera path once the twin serves its cameras, exactly as <c>run --site</c> starts a box's: the
/// Actors' <see cref="CameraAnalyticsStarter"/> puts an analytics actor per camera in front of its intersection's
/// coordinator (the site file's lines, zones and calibration; stop lines from the network; measuring on the simulation
/// clock the coordinators tick on), then camera and inference actors decode the twin's MJPEG URLs. The demo differs
/// only in its head (SUMO over TraCI) and its clock. Returns the approaches now measured by a camera, per
/// intersection; the rest stay on SUMO's detectors.
/// </summary>
public static class DemoCameraPath
{
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Start(
        ActorSystem system, DemoLoopPlan plan, DemoCameraPlan cameras, Func<string, string> urlOf, SumoNetwork network,
        SignalCoordinators coordinators, LiveSignals live, ILogger logger)
    {
        var site = plan.Site;
        var approaches = plan.Intersections.ToDictionary(i => i.Id, i => (IReadOnlySet<string>)i.ApproachOf.Values.ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var candidates = new List<CameraDefinition>();
        foreach (var camera in site.Cameras)
        {
            if (!approaches.TryGetValue(camera.Intersection, out var known) || !known.Contains(camera.Approach))
            {
                logger.LogWarning("Camera {Camera}: intersection {Intersection} approach {Approach} is not a controlled approach of the twin; not started", camera.Id, camera.Intersection, camera.Approach);
                continue;
            }

            candidates.Add(camera with { Source = urlOf(camera.Id), MaxFps = cameras.FramesPerSecond });
        }

        // Analytics first (they subscribe before their cameras publish); a camera whose analytics cannot start is not
        // started either, and its approach stays on detectors (the starter logs why).
        var analytics = CameraAnalyticsStarter.Start(
            system, site with { Cameras = candidates }, cameras.Options, coordinators,
            camera => camera.Pose is null ? null : CameraStopLines.For(network, camera.Pose), plan.Clock);
        var started = candidates.Where(c => analytics.ContainsKey(c.Id)).ToList();
        if (started.Count == 0)
        {
            return new Dictionary<string, IReadOnlySet<string>>();
        }

        foreach (var camera in started)
        {
            live.Cameras[camera.Id] = new LiveCamera(camera.Id, camera.Intersection, camera.Approach);
        }

        system.ActorOf(LiveCameraFeed.Props(live), "live-cameras");
        EdgeCityCameraExtensions.StartCameras(system, started, cameras.Options);
        return started.GroupBy(c => c.Intersection, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Select(c => c.Approach).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
    }
}
