using Akka.Actor;
using EdgeCity.Actors.Cameras;

namespace EdgeCity.Actors.Tests.Cameras;

public sealed class CameraOffActorSpec : Akka.TestKit.Xunit2.TestKit
{
    [Fact]
    public void Says_the_camera_is_down_and_why_and_says_it_again_to_whoever_asks_later()
    {
        var statuses = CreateTestProbe();
        Sys.EventStream.Subscribe(statuses, typeof(CameraStatus));

        var stand = Sys.ActorOf(CameraOffActor.Props("J1-N1_J1", "camera path off: the model failed to load", TimeProvider.System), CameraActor.NameOf("J1-N1_J1"));

        var first = statuses.ExpectMsg<CameraStatus>();
        Assert.Equal(("J1-N1_J1", CameraState.Down, "camera path off: the model failed to load"), (first.CameraId, first.State, first.Reason));

        // A view that subscribed after that asks the camera's actor name, as it asks a running camera.
        Sys.ActorSelection("/user/" + CameraActor.NameOf("J1-N1_J1")).Tell(RepublishCameraStatus.Instance);
        var again = statuses.ExpectMsg<CameraStatus>();
        Assert.Equal((first.CameraId, first.State, first.Reason), (again.CameraId, again.State, again.Reason));
        Assert.Equal("camera-J1-N1_J1", stand.Path.Name);
    }
}
