using Akka.Actor;
using Akka.Hosting;
using EdgeCity.Actors.Cameras;
using EdgeCity.Actors.Inference;
using EdgeCity.Domain.Sites;

namespace EdgeCity.Actors.Hosting;

/// <summary>Akka.Hosting wiring for a site's cameras: one <see cref="InferenceActor"/> per model, one <see cref="CameraActor"/> per camera.</summary>
public static class EdgeCityCameraExtensions
{
    /// <summary>Starts the site's cameras; a camera whose stream or model fails is marked down, the rest keep running.</summary>
    public static AkkaConfigurationBuilder WithEdgeCityCameras(this AkkaConfigurationBuilder builder, SiteDefinition site, CameraPipelineOptions options)
    {
        builder.WithActors((system, _) => StartCameras(system, site.Cameras, options));
        return builder;
    }

    /// <summary>
    /// Starts the site's whole camera path on this box: for every camera its analytics (reporting to its
    /// intersection's coordinator, see <see cref="CameraAnalyticsStarter"/>), then its inference and camera actors.
    /// Analytics subscribe before the cameras start, so no first frame or status is missed.
    /// </summary>
    public static AkkaConfigurationBuilder WithEdgeCityCameraPath(this AkkaConfigurationBuilder builder, SiteDefinition site, CameraPipelineOptions options, SignalCoordinators coordinators)
    {
        builder.WithActors((system, _) =>
        {
            CameraAnalyticsStarter.Start(system, site, options, coordinators);
            StartCameras(system, site.Cameras, options);
        });
        return builder;
    }

    /// <summary>Starts inference and camera actors for <paramref name="cameras"/> under <paramref name="factory"/>; returns the camera actors by id.</summary>
    public static IReadOnlyDictionary<string, IActorRef> StartCameras(IActorRefFactory factory, IEnumerable<CameraDefinition> cameras, CameraPipelineOptions options)
    {
        var models = new Dictionary<string, IActorRef>(StringComparer.Ordinal);
        var started = new Dictionary<string, IActorRef>(StringComparer.Ordinal);
        foreach (var camera in cameras)
        {
            if (!models.TryGetValue(camera.Model, out var inference))
            {
                inference = factory.ActorOf(InferenceActor.Props(camera.Model, options), "inference-" + ActorName(camera.Model));
                models[camera.Model] = inference;
            }

            var settings = new CameraSettings(camera.Id, options.ToSourceOptions(camera.Source, camera.MaxFps), camera.Model, options.ToBackoff(), TimeSpan.FromSeconds(options.WatchdogSeconds));
            started[camera.Id] = factory.ActorOf(CameraActor.Props(settings, inference, options.Time), CameraActor.NameOf(camera.Id));
        }

        return started;
    }

    private static string ActorName(string id) => Uri.EscapeDataString(id);
}
