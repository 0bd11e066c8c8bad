using Akka.Configuration;
using Akka.TestKit;
using EdgeCity.Actors.Cameras;
using EdgeCity.Actors.Hosting;
using EdgeCity.Actors.Tests.Cameras.Support;
using EdgeCity.Domain.Detection;
using EdgeCity.Domain.Geometry;

namespace EdgeCity.Actors.Tests.Cameras;

[Collection(CameraSpecs.Name)]
public sealed class CameraActorSpec : Akka.TestKit.Xunit2.TestKit
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public CameraActorSpec()
        : base(ConfigurationFactory.ParseString("akka.loglevel = WARNING"))
    {
    }

    [Fact]
    public async Task A_camera_on_a_clip_publishes_detections_in_source_pixels_stamped_with_capture_time()
    {
        var id = Fixtures.Id("clip");
        var detections = Subscribe<FrameDetections>();
        var before = DateTimeOffset.UtcNow;

        EdgeCityCameraExtensions.StartCameras(Sys, [Fixtures.Camera(id, Fixtures.Clip)], Fixtures.Options());

        var first = await ExpectFrom(detections, id);
        var second = await ExpectFrom(detections, id);
        Assert.Equal((1280, 720), (first.FrameWidth, first.FrameHeight));
        Assert.True(second.FrameNumber > first.FrameNumber);
        Assert.True(first.CapturedAt >= before && second.CapturedAt >= first.CapturedAt);

        // 1280x720 into the golden model's 64x64: scale 0.05, 64x36 image, 14 px bands above and below.
        Assert.Equal(["car", "truck", "bus"], first.Detections.Select(d => d.ClassName));
        AssertBox(new BoxF(480, 120, 800, 280), first.Detections[0].Box);
        AssertBox(new BoxF(500, 140, 820, 300), first.Detections[1].Box);
        AssertBox(new BoxF(120, 440, 280, 600), first.Detections[2].Box);

        await AwaitAssertAsync(async () =>
        {
            var text = await Fixtures.ScrapeAsync();
            Assert.Equal(1, Fixtures.Sample(text, $"edgecity_camera_stream_up{{camera=\"{id}\"}}"));
            Assert.True(Fixtures.Sample(text, $"edgecity_camera_frames_captured_total{{camera=\"{id}\"}}") >= 2);
            Assert.True(Fixtures.Sample(text, $"edgecity_camera_frames_inferred_total{{camera=\"{id}\"}}") >= 2);
            Assert.True(Fixtures.Sample(text, $"edgecity_camera_end_to_end_seconds_count{{camera=\"{id}\"}}") >= 2);
            Assert.True(Fixtures.Sample(text, $"edgecity_camera_inference_seconds_count{{camera=\"{id}\"}}") >= 2);
            Assert.Equal(1, Fixtures.Sample(text, "edgecity_model_up{model=\"yolov8-golden\",provider=\"cpu\"}"));
        }, Patience);
    }

    [Fact]
    public async Task Cameras_sharing_a_dynamic_batch_model_are_batched_through_one_session()
    {
        string a = Fixtures.Id("batch-a"), b = Fixtures.Id("batch-b");
        var detections = Subscribe<FrameDetections>();
        var options = Fixtures.Options(o =>
        {
            o.PaceFiles = false; // both cameras always have a fresh frame waiting
            o.MaxBatch = 2;
            o.MaxBatchWaitMs = 50;
        });
        var text = await Fixtures.ScrapeAsync();
        var before = Fixtures.Sample(text, "edgecity_model_batch_size_sum{model=\"yolov8-dynamic\",provider=\"cpu\"}") ?? 0;
        var runsBefore = Fixtures.Sample(text, "edgecity_model_batch_size_count{model=\"yolov8-dynamic\",provider=\"cpu\"}") ?? 0;

        var cameras = EdgeCityCameraExtensions.StartCameras(Sys, [Fixtures.Camera(a, Fixtures.Clip, "yolov8-dynamic"), Fixtures.Camera(b, Fixtures.Clip, "yolov8-dynamic")], options);

        await ExpectFrom(detections, a);
        await ExpectFrom(detections, b);
        await AwaitAssertAsync(async () =>
        {
            var now = await Fixtures.ScrapeAsync();
            var frames = Fixtures.Sample(now, "edgecity_model_batch_size_sum{model=\"yolov8-dynamic\",provider=\"cpu\"}")!.Value - before;
            var runs = Fixtures.Sample(now, "edgecity_model_batch_size_count{model=\"yolov8-dynamic\",provider=\"cpu\"}")!.Value - runsBefore;
            Assert.True(frames > runs, $"{frames} frames in {runs} runs: no batch held two cameras");
        }, Patience);
        Assert.Equal(2, cameras.Count);
        Assert.Single(await Task.WhenAll(new[] { "inference-yolov8-dynamic" }.Select(n => Sys.ActorSelection("/user/" + n).ResolveOne(Patience))));
    }

    [Fact]
    public async Task A_garbage_model_or_one_disagreeing_with_its_manifest_marks_only_its_camera_down()
    {
        string garbage = Fixtures.Id("garbage"), mismatch = Fixtures.Id("mismatch"), good = Fixtures.Id("good");
        var statuses = Subscribe<CameraStatus>();
        var detections = Subscribe<FrameDetections>();

        EdgeCityCameraExtensions.StartCameras(Sys, [
            Fixtures.Camera(garbage, Fixtures.Clip, "garbage"),
            Fixtures.Camera(mismatch, Fixtures.Clip, "shape-mismatch"),
            Fixtures.Camera(good, Fixtures.Clip),
        ], Fixtures.Options());

        var downs = new Dictionary<string, CameraStatus>();
        while (downs.Count < 2)
        {
            var s = await statuses.FishForMessageAsync<CameraStatus>(s => s.State == CameraState.Down && (s.CameraId == garbage || s.CameraId == mismatch), Patience);
            downs[s.CameraId] = s;
        }

        var down = new[] { downs[garbage], downs[mismatch] };
        Assert.Contains("model 'garbage'", down[0].Reason);
        Assert.Contains("not a loadable ONNX model", down[0].Reason);
        Assert.Contains("model 'shape-mismatch'", down[1].Reason);
        Assert.Contains("output [1, 7, 8]", down[1].Reason);
        await ExpectFrom(detections, good);
        await ExpectFrom(detections, good);
        var text = await Fixtures.ScrapeAsync();
        Assert.Equal(0, Fixtures.Sample(text, "edgecity_model_up{model=\"garbage\",provider=\"none\"}"));
        Assert.Equal(0, Fixtures.Sample(text, $"edgecity_camera_stream_up{{camera=\"{garbage}\"}}"));
    }

    [Fact]
    public async Task An_unreachable_camera_is_down_and_retried_while_the_others_keep_detecting()
    {
        string gone = Fixtures.Id("gone"), good = Fixtures.Id("good");
        var statuses = Subscribe<CameraStatus>();
        var detections = Subscribe<FrameDetections>();
        var url = "rtsp://127.0.0.1:9/street";

        EdgeCityCameraExtensions.StartCameras(Sys, [Fixtures.Camera(gone, url), Fixtures.Camera(good, Fixtures.Clip)], Fixtures.Options());

        var down = await ExpectStatus(statuses, gone, CameraState.Down);
        Assert.Contains(url, down.Reason);
        Assert.Contains("retrying in", down.Reason);
        await ExpectFrom(detections, good);
        await AwaitAssertAsync(async () =>
        {
            var text = await Fixtures.ScrapeAsync();
            Assert.True(Fixtures.Sample(text, $"edgecity_camera_reconnects_total{{camera=\"{gone}\"}}") >= 2);
            Assert.Equal(0, Fixtures.Sample(text, $"edgecity_camera_stream_up{{camera=\"{gone}\"}}"));
        }, Patience);
        await ExpectFrom(detections, good);
    }

    [Fact]
    public async Task A_stream_that_dies_mid_way_goes_down_comes_back_up_and_detections_resume()
    {
        using var server = new MjpegServer();
        server.Start();
        var id = Fixtures.Id("mjpeg");
        var statuses = Subscribe<CameraStatus>();
        var detections = Subscribe<FrameDetections>();

        EdgeCityCameraExtensions.StartCameras(Sys, [Fixtures.Camera(id, server.Url)], Fixtures.Options());
        await ExpectStatus(statuses, id, CameraState.Up);
        var before = await ExpectFrom(detections, id);
        Assert.Equal((320, 180), (before.FrameWidth, before.FrameHeight));

        server.Stop();
        var down = await ExpectStatus(statuses, id, CameraState.Down);
        Assert.Contains(server.Url, down.Reason);
        server.Start();
        await ExpectStatus(statuses, id, CameraState.Up);
        var after = await ExpectFrom(detections, id);

        Assert.True(after.FrameNumber > before.FrameNumber);
        var text = await Fixtures.ScrapeAsync();
        Assert.True(Fixtures.Sample(text, $"edgecity_camera_reconnects_total{{camera=\"{id}\"}}") >= 1);
        Assert.Equal(1, Fixtures.Sample(text, $"edgecity_camera_stream_up{{camera=\"{id}\"}}"));
    }

    [Fact]
    public async Task A_read_that_hangs_is_caught_by_the_watchdog_and_the_capture_recreated()
    {
        using var server = new MjpegServer();
        server.Start();
        var id = Fixtures.Id("hung");
        var statuses = Subscribe<CameraStatus>();
        var detections = Subscribe<FrameDetections>();
        // Reads may block for a minute: only the watchdog (1 s) can notice the stall.
        var options = Fixtures.Options(o =>
        {
            o.ReadTimeoutSeconds = 60;
            o.WatchdogSeconds = 1;
        });

        EdgeCityCameraExtensions.StartCameras(Sys, [Fixtures.Camera(id, server.Url)], options);
        await ExpectStatus(statuses, id, CameraState.Up);
        await ExpectFrom(detections, id);
        server.Stall();
        var down = await ExpectStatus(statuses, id, CameraState.Down);
        server.Resume();

        Assert.StartsWith("watchdog: a read hung for", down.Reason);
        await ExpectStatus(statuses, id, CameraState.Up);
        await ExpectFrom(detections, id);
    }

    [Fact]
    public async Task A_corrupt_or_truncated_file_is_reported_by_name_while_the_other_cameras_keep_detecting()
    {
        var corrupt = Path.Combine(Path.GetTempPath(), $"edgecity-corrupt-{Guid.NewGuid():N}.mp4");
        var truncated = Path.Combine(Path.GetTempPath(), $"edgecity-truncated-{Guid.NewGuid():N}.mp4");
        File.WriteAllBytes(corrupt, Enumerable.Range(0, 50_000).Select(i => (byte)(i * 17 % 253)).ToArray());
        var clip = File.ReadAllBytes(Fixtures.Clip);
        File.WriteAllBytes(truncated, clip[..(clip.Length / 4)]);
        try
        {
            string bad = Fixtures.Id("corrupt"), cut = Fixtures.Id("cut"), good = Fixtures.Id("good");
            var statuses = Subscribe<CameraStatus>();
            var detections = CreateTestProbe();
            Sys.EventStream.Subscribe(detections.Ref, typeof(FrameDetections));

            EdgeCityCameraExtensions.StartCameras(Sys, [Fixtures.Camera(bad, corrupt), Fixtures.Camera(cut, truncated), Fixtures.Camera(good, Fixtures.Clip)], Fixtures.Options(o => o.LoopFiles = false));

            var down = await ExpectStatus(statuses, bad, CameraState.Down);
            Assert.Contains(corrupt, down.Reason);
            await ExpectFrom(detections, cut); // the part before the cut still plays
            await ExpectFrom(detections, good);
            await ExpectFrom(detections, good);
        }
        finally
        {
            File.Delete(corrupt);
            File.Delete(truncated);
        }
    }

    [Fact]
    public async Task A_file_camera_that_does_not_loop_reports_its_end()
    {
        var id = Fixtures.Id("once");
        var statuses = Subscribe<CameraStatus>();

        EdgeCityCameraExtensions.StartCameras(Sys, [Fixtures.Camera(id, Fixtures.Clip)], Fixtures.Options(o =>
        {
            o.LoopFiles = false;
            o.PaceFiles = false;
        }));

        var ended = await ExpectStatus(statuses, id, CameraState.Ended);
        Assert.Equal("end of file", ended.Reason);
    }

    private TestProbe Subscribe<T>()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe.Ref, typeof(T));
        return probe;
    }

    // Async all the way: a test thread blocked in a probe is a ThreadPool thread Akka's dispatchers (and the other specs
    // of this assembly running in parallel) cannot use.
    private static async Task<FrameDetections> ExpectFrom(TestProbe probe, string camera) =>
        await probe.FishForMessageAsync<FrameDetections>(d => d.CameraId == camera, Patience);

    private static async Task<CameraStatus> ExpectStatus(TestProbe probe, string camera, CameraState state) =>
        await probe.FishForMessageAsync<CameraStatus>(s => s.CameraId == camera && s.State == state, Patience);

    private static void AssertBox(BoxF expected, BoxF actual)
    {
        Assert.Equal(expected.Left, actual.Left, 1);
        Assert.Equal(expected.Top, actual.Top, 1);
        Assert.Equal(expected.Right, actual.Right, 1);
        Assert.Equal(expected.Bottom, actual.Bottom, 1);
    }
}
