using Akka.Actor;
using EdgeCity.Actors.Cameras;
using EdgeCity.Domain.Detection;
using EdgeCity.Domain.Measurements;

namespace EdgeCity.Node.Hosting.Cameras;

/// <summary>
/// Beside the camera path, not in it: follows the demo cameras' frames, status and measurements on the event stream
/// for the start page's camera table (frames, detections, state, observations, queue, flow).
/// </summary>
public sealed class LiveCameraFeed : ReceiveActor
{
    public LiveCameraFeed(LiveSignals live)
    {
        Receive<FrameDetections>(f => live.CameraFrame(f.CameraId, f.Detections.Count));
        Receive<CameraStatus>(s =>
        {
            if (s.State != CameraState.Starting)
            {
                live.CameraState(s.CameraId, s.State.ToString().ToLowerInvariant(), s.Reason);
            }
        });
        Receive<ApproachMeasurement>(live.CameraObservation);
    }

    public static Props Props(LiveSignals live) => Akka.Actor.Props.Create(() => new LiveCameraFeed(live));

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(FrameDetections));
        Context.System.EventStream.Subscribe(Self, typeof(CameraStatus));
        Context.System.EventStream.Subscribe(Self, typeof(ApproachMeasurement));
    }

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);
}
