using Akka.Actor;
using EdgeCity.Actors.Cameras;
using EdgeCity.Actors.Inference;
using EdgeCity.Domain.Sites;

namespace EdgeCity.Node.Api;

/// <summary>
/// Starts and stops camera actors for cameras added or removed through the API, named and placed as
/// <c>WithEdgeCityCameras</c> places the site's (<c>/user/camera-{id}</c>, sharing <c>/user/inference-{model}</c>).
/// Only on a node that runs the camera pipeline (a <see cref="CameraPipelineOptions"/> in its services); elsewhere a
/// camera is only registered and the API says so.
/// </summary>
public sealed class CameraControl(ActorSystem system, CameraPipelineOptions? options)
{
    public bool RunsCameras => options is not null;

    /// <summary>Starts the camera; a stream or model that fails marks it down, as for the site's cameras.</summary>
    public async Task StartAsync(CameraDefinition camera)
    {
        if (options is null)
        {
            return;
        }

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
        system.ActorOf(CameraActor.Props(settings, inference, options.Time), "camera-" + Uri.EscapeDataString(camera.Id));
    }

    /// <summary>Stops the camera's actor (its capture thread closes the stream when the actor stops).</summary>
    public void Stop(string cameraId) =>
        system.ActorSelection("/user/camera-" + Uri.EscapeDataString(cameraId)).Tell(PoisonPill.Instance);
}
