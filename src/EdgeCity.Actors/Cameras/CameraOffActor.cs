using Akka.Actor;

namespace EdgeCity.Actors.Cameras;

/// <summary>
/// Stands in for a camera this node does not run (its path is off, e.g. its model failed to load), under the camera's
/// own actor name: it says the camera is down and why, and says it again whenever asked
/// (<see cref="RepublishCameraStatus"/>), so a view that subscribed after the first word still learns it instead of
/// showing the camera as "unknown".
/// </summary>
public sealed class CameraOffActor : ReceiveActor
{
    private readonly string _cameraId;
    private readonly string _reason;
    private readonly TimeProvider _time;

    public CameraOffActor(string cameraId, string reason, TimeProvider time)
    {
        _cameraId = cameraId;
        _reason = reason;
        _time = time;
        Receive<RepublishCameraStatus>(_ => Publish());
    }

    public static Props Props(string cameraId, string reason, TimeProvider time) =>
        Akka.Actor.Props.Create(() => new CameraOffActor(cameraId, reason, time));

    protected override void PreStart() => Publish();

    private void Publish() => Context.System.EventStream.Publish(new CameraStatus(_cameraId, CameraState.Down, _reason, _time.GetUtcNow()));
}
