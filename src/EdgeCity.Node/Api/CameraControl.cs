using Akka.Actor;
using EdgeCity.Actors.Cameras;
using EdgeCity.Actors.Hosting;
using EdgeCity.Actors.Inference;
using EdgeCity.Domain.Sites;

namespace EdgeCity.Node.Api;

/// <summary>
/// Starts and stops the whole path of a camera added or removed through the API, named and placed as
/// <c>WithEdgeCityCameraPath</c> places the site's: its analytics (<c>/user/analytics-{id}</c>, into its intersection's
/// coordinator), its camera actor (<c>/user/camera-{id}</c>) sharing <c>/user/inference-{model}</c>. Only on a node
/// that runs the camera pipeline (a <see cref="CameraPipelineOptions"/> in its services: <c>run --site</c>); elsewhere
/// a camera is only registered and the API says so.
/// </summary>
public sealed class CameraControl(ActorSystem system, CameraPipelineOptions? options, SignalCoordinators? coordinators, SiteDefinition? site)
{
    public bool RunsCameras => options is not null;

    /// <summary>
    /// Starts the camera; a stream or model that fails marks it down, as for the site's cameras. Returns whether its
    /// analytics run (they do not without a calibration or a coordinator for its intersection; the log says why).
    /// </summary>
    public async Task<bool> StartAsync(CameraDefinition camera)
    {
        if (options is null)
        {
            return false;
        }

        // Analytics first: they subscribe to the camera's frames and status before the camera publishes any.
        var analytics = coordinators is not null && site is not null
            && CameraAnalyticsStarter.Start(system, site with { Cameras = [camera] }, options, coordinators).ContainsKey(camera.Id);

        var model = "inference-" + Uri.EscapeDataString(camera.Model);
        IActorRef inference;
        try
        {
            inference = await system.ActorSelection("/user/" + model).ResolveOne(TimeSpan.FromSeconds(2));
        }
        catch (ActorNotFoundException)
        {
            inference = system.ActorOf(InferenceActor.Props(camera.Model, options), model);
        }

        var settings = new CameraSettings(camera.Id, options.ToSourceOptions(camera.Source, camera.MaxFps), camera.Model, options.ToBackoff(), TimeSpan.FromSeconds(options.WatchdogSeconds));
        system.ActorOf(CameraActor.Props(settings, inference, options.Time), CameraActor.NameOf(camera.Id));
        return analytics;
    }

    /// <summary>Stops the camera's actor (its capture thread closes the stream when the actor stops) and its analytics.</summary>
    public void Stop(string cameraId)
    {
        system.ActorSelection("/user/camera-" + Uri.EscapeDataString(cameraId)).Tell(PoisonPill.Instance);
        system.ActorSelection("/user/analytics-" + Uri.EscapeDataString(cameraId)).Tell(PoisonPill.Instance);
    }
}
