using Akka.Actor;
using EdgeCity.Actors.Analytics;
using EdgeCity.Actors.Hosting;
using EdgeCity.Domain.Detection;
using EdgeCity.Domain.Evaluation;
using EdgeCity.Domain.Measurements;
using EdgeCity.Domain.Sites;
using EdgeCity.Simulation.Network;
using EdgeCity.Simulation.Twin;

namespace EdgeCity.Node.Hosting.Cameras;

/// <summary>
/// Starts the demo's camera path once the twin serves its cameras: a camera actor per twin camera decoding the twin's
/// MJPEG URL, the model's inference actor, an <see cref="AnalyticsActor"/> per camera (the site file's lines, zones and
/// calibration; stop lines from the network), the router between them and the relay to the coordinators.
/// Returns the approaches now measured by a camera, per intersection; the rest stay on SUMO's detectors.
/// </summary>
public static class DemoCameraPath
{
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Start(
        ActorSystem system, DemoLoopPlan plan, DemoCameraPlan cameras, Func<string, string> urlOf, SumoNetwork network,
        SignalCoordinators coordinators, LiveSignals live, ILogger logger)
    {
        var site = plan.Site;
        var approaches = plan.Intersections.ToDictionary(i => i.Id, i => (IReadOnlySet<string>)i.ApproachOf.Values.ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var covered = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var started = new List<CameraDefinition>();
        var setups = new List<CameraAnalyticsSetup>();
        var manifestOf = new Dictionary<string, ModelManifest?>(StringComparer.Ordinal); // one manifest read per model
        foreach (var camera in site.Cameras)
        {
            if (!approaches.TryGetValue(camera.Intersection, out var known) || !known.Contains(camera.Approach))
            {
                logger.LogWarning("Camera {Camera}: intersection {Intersection} approach {Approach} is not a controlled approach of the twin; not started", camera.Id, camera.Intersection, camera.Approach);
                continue;
            }

            CameraAnalyticsSetup setup;
            try
            {
                setup = SiteCameraSetup.For(site, camera.Id, camera.Pose is null ? null : CameraStopLines.For(network, camera.Pose));

                // The tracker's score thresholds and the classes that are traffic belong to the model (manifest
                // "tracking", "vehicleClasses"). A manifest that does not load leaves the defaults: the inference
                // actor marks the camera down and says why.
                if (!manifestOf.TryGetValue(camera.Model, out var manifest))
                {
                    manifestOf[camera.Model] = manifest = CameraAnalyticsStarter.ManifestOf(cameras.Options.ModelsDirectory, camera.Model, m => logger.LogWarning("{Warning}", m));
                }

                if (manifest is not null)
                {
                    setup = manifest.ApplyTo(setup);
                }
            }
            catch (ArgumentException e)
            {
                logger.LogError("Camera {Camera}: analytics setup rejected ({Error}); its approach stays on detectors", camera.Id, e.Message);
                continue;
            }

            setups.Add(setup);
            started.Add(camera with { Source = urlOf(camera.Id), MaxFps = cameras.FramesPerSecond });
            (covered.TryGetValue(camera.Intersection, out var set) ? set : covered[camera.Intersection] = new HashSet<string>(StringComparer.Ordinal)).Add(camera.Approach);
            live.Cameras[camera.Id] = new LiveCamera(camera.Id, camera.Intersection, camera.Approach);
        }

        if (started.Count == 0)
        {
            return new Dictionary<string, IReadOnlySet<string>>();
        }

        var relay = system.ActorOf(CameraObservationRelay.Props(coordinators, plan.Intersections, live), "camera-observations");
        var analytics = setups.ToDictionary(
            s => s.CameraId,
            s => system.ActorOf(AnalyticsActor.Props(s, relay, plan.Clock), "analytics-" + Uri.EscapeDataString(s.CameraId)),
            StringComparer.Ordinal);

        // The router subscribes before the cameras start, so no first status or frame is missed.
        system.ActorOf(CameraFrameRouter.Props(analytics, plan.Clock, cameras.Options.Time, live), "camera-frames");
        EdgeCityCameraExtensions.StartCameras(system, started, cameras.Options);
        return covered.ToDictionary(c => c.Key, c => (IReadOnlySet<string>)c.Value, StringComparer.Ordinal);
    }
}
