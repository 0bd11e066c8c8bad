using Akka.Actor;
using Akka.Event;
using EdgeCity.Actors.Analytics;
using EdgeCity.Actors.Cameras;
using EdgeCity.Domain.Detection;
using EdgeCity.Domain.Evaluation;
using EdgeCity.Domain.Measurements;
using EdgeCity.Domain.Sites;

namespace EdgeCity.Actors.Hosting;

/// <summary>
/// On the box (<c>run --site</c>): one listening <see cref="AnalyticsActor"/> per camera, measuring from the site file's
/// count lines, zones and calibration with its model's tracker settings and vehicle classes, reporting to the
/// coordinator of the camera's intersection (a count station's camera, with no intersection, reports to none). A camera
/// whose analytics cannot be set up (zones without a calibration, a bad zone, no
/// coordinator for its intersection on this box) is logged with the reason and left unmeasured; the rest run.
/// </summary>
public static class CameraAnalyticsStarter
{
    /// <param name="system">The node's actor system.</param>
    /// <param name="site">The site whose cameras get analytics.</param>
    /// <param name="options">The camera pipeline's options; its clock stamps the frames.</param>
    /// <param name="coordinators">This box's coordinators by intersection.</param>
    /// <param name="stopLinesOf">A camera's zones' stop lines in pixels when known (a twin camera's, from the network); null: from the zones.</param>
    /// <param name="clock">The clock the coordinators run on, when not the cameras' (a simulation's): the analytics measure on it.</param>
    public static IReadOnlyDictionary<string, IActorRef> Start(
        ActorSystem system,
        SiteDefinition site,
        CameraPipelineOptions options,
        SignalCoordinators coordinators,
        Func<CameraDefinition, Func<ZoneDefinition, (Domain.Geometry.Point2 Start, Domain.Geometry.Point2 End)?>?>? stopLinesOf = null,
        TimeProvider? clock = null)
    {
        var log = Logging.GetLogger(system, typeof(CameraAnalyticsStarter));
        var started = new Dictionary<string, IActorRef>(StringComparer.Ordinal);
        var manifests = new Dictionary<string, ModelManifest?>(StringComparer.Ordinal);
        foreach (var camera in site.Cameras)
        {
            IActorRef? coordinator = null;
            if (string.IsNullOrEmpty(camera.Intersection))
            {
                // A count station: counts and measurements go to the metrics and the log, to no signal.
                coordinator = ActorRefs.Nobody;
            }
            else if (!coordinators.ById.TryGetValue(camera.Intersection, out coordinator))
            {
                log.Error("Camera {0}: intersection {1} has no coordinator on this node; its analytics are not started", camera.Id, camera.Intersection);
                continue;
            }

            CameraAnalyticsSetup setup;
            try
            {
                setup = SiteCameraSetup.For(site, camera.Id, stopLinesOf?.Invoke(camera));
                if (!manifests.TryGetValue(camera.Model, out var manifest))
                {
                    manifests[camera.Model] = manifest = ManifestOf(options.ModelsDirectory, camera.Model, m => log.Warning(m));
                }

                setup = manifest?.ApplyTo(setup) ?? setup;
            }
            catch (ArgumentException e)
            {
                log.Error("Camera {0}: analytics not started, {1}; intersection {2} gets no measurements from it", camera.Id, e.Message, camera.Intersection);
                continue;
            }

            var analytics = system.ActorOf(
                AnalyticsActor.Listening(setup, coordinator, clock ?? options.Time, clock is null ? null : options.Time),
                "analytics-" + Uri.EscapeDataString(camera.Id));

            // Subscribed here, synchronously: the actor's own PreStart may run after its camera has published its
            // first status and frames (it subscribes there too, for restarts; a second subscription is a no-op).
            system.EventStream.Subscribe(analytics, typeof(FrameDetections));
            system.EventStream.Subscribe(analytics, typeof(CameraStatus));
            started[camera.Id] = analytics;
        }

        return started;
    }

    /// <summary>
    /// A model's manifest for the analytics (tracker thresholds, vehicle classes), or null with a warning: the inference
    /// actor refuses such a model and marks its cameras down, saying why; the analytics keep their defaults.
    /// </summary>
    public static ModelManifest? ManifestOf(string modelsDirectory, string model, Action<string> warn)
    {
        try
        {
            return ModelManifestFile.Load(ModelManifestFile.PathOf(modelsDirectory, model));
        }
        catch (ModelManifestException e)
        {
            warn($"Model {model}: manifest not read for tracker thresholds and vehicle classes ({e.Message}); defaults used");
            return null;
        }
    }
}
