using Akka.Configuration;
using EdgeCity.Actors.Cameras;
using EdgeCity.Actors.Hosting;
using EdgeCity.Actors.Tests.Cameras.Support;
using EdgeCity.Domain.Detection;
using EdgeCity.Vision.Privacy;
using OpenCvSharp;

namespace EdgeCity.Actors.Tests.Cameras;

[Collection(CameraSpecs.Name)]
public sealed class PrivateFramesSpec : Akka.TestKit.Xunit2.TestKit
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public PrivateFramesSpec()
        : base(ConfigurationFactory.ParseString("akka.loglevel = WARNING"))
    {
    }

    [Fact]
    public async Task Without_enabling_no_frame_is_kept_while_detections_flow()
    {
        var id = Fixtures.Id("private-off");
        var detections = Subscribe<FrameDetections>();

        EdgeCityCameraExtensions.StartCameras(Sys, [Fixtures.Camera(id, Fixtures.Clip)], Fixtures.Options());
        await ExpectFrom(detections, id);
        await ExpectFrom(detections, id);

        Assert.Null(PrivateFrames.Get(Sys).Store.Latest(id));
    }

    [Fact]
    public async Task Enabled_the_inference_thread_hands_its_frames_over_and_every_vehicle_box_is_blurred()
    {
        var id = Fixtures.Id("private-on");
        var store = PrivateFrames.Get(Sys).Store;
        store.Enable(new PrivacyBlurOptions(), TimeSpan.FromMilliseconds(200));
        var detections = Subscribe<FrameDetections>();

        EdgeCityCameraExtensions.StartCameras(Sys, [Fixtures.Camera(id, Fixtures.Clip)], Fixtures.Options());
        await ExpectFrom(detections, id);

        await AwaitConditionAsync(() => Task.FromResult(store.Latest(id) is not null), Patience);
        var frame = store.Latest(id)!;
        using var image = Cv2.ImDecode(frame.Jpeg, ImreadModes.Color);
        Assert.Equal(new Size(1280, 720), image.Size());
        Assert.True(frame.RegionsBlurred >= 3, $"{frame.RegionsBlurred} regions: the golden model's car, truck and bus each have a plate band");
        await AwaitAssertAsync(async () =>
        {
            var text = await Fixtures.ScrapeAsync();
            Assert.True(Fixtures.Sample(text, $"edgecity_privacy_frames_blurred_total{{camera=\"{id}\"}}") >= 1);
            Assert.True(Fixtures.Sample(text, $"edgecity_privacy_regions_blurred_total{{camera=\"{id}\",source=\"vehicle_box\"}}") >= 3);
        }, Patience);
    }

    private async Task<FrameDetections> ExpectFrom(Akka.TestKit.TestProbe probe, string camera)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var d = await probe.ExpectMsgAsync<FrameDetections>(deadline - DateTime.UtcNow);
            if (d.CameraId == camera)
            {
                return d;
            }
        }
    }

    private Akka.TestKit.TestProbe Subscribe<T>()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe.Ref, typeof(T));
        return probe;
    }
}
