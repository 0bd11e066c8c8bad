using EdgeCity.Vision.Capture;
using EdgeCity.Vision.Tests.Support;

namespace EdgeCity.Vision.Tests.Capture;

public sealed class CameraCaptureSpec
{
    private static readonly ReconnectBackoff Quick = new() { Initial = TimeSpan.FromMilliseconds(100), Max = TimeSpan.FromMilliseconds(400) };

    [Fact]
    public void A_file_that_does_not_loop_delivers_every_frame_with_its_capture_time_then_ends()
    {
        var slot = new LatestFrameSlot();
        var observer = new RecordingObserver();
        var capture = new CameraCapture("clip", new FrameSourceOptions { Source = RepoPaths.Clip, LoopFile = false, PaceFile = false, WaitForConsumer = true }, slot, observer, TimeProvider.System, Quick);
        var before = DateTimeOffset.UtcNow;
        var numbers = new List<long>();
        var stamps = new List<DateTimeOffset>();

        capture.Start();
        while (!observer.HasEnded || slot.HasNew)
        {
            if (slot.TryTake(out var frame))
            {
                Assert.Equal(1280, frame.Image.Width);
                Assert.Equal(720, frame.Image.Height);
                numbers.Add(frame.FrameNumber);
                stamps.Add(frame.CapturedAt);
            }
            else
            {
                Thread.Sleep(1);
            }
        }

        capture.Stop(TimeSpan.FromSeconds(5));
        slot.Release();
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), numbers);
        Assert.Equal(200, observer.Captured);
        Assert.Empty(observer.Drops);
        Assert.All(stamps, s => Assert.True(s >= before));
        Assert.Equal(stamps.Order(), stamps);
        Assert.StartsWith("up 1280x720 at 25 fps", observer.Events.First());
    }

    [Fact]
    public void Frames_the_consumer_does_not_take_are_replaced_and_counted_never_queued()
    {
        var slot = new LatestFrameSlot();
        var observer = new RecordingObserver();
        var capture = new CameraCapture("unread", new FrameSourceOptions { Source = RepoPaths.Clip, LoopFile = false, PaceFile = false }, slot, observer, TimeProvider.System, Quick);

        capture.Start();
        Eventually.True(() => observer.HasEnded, "end of clip");
        capture.Stop(TimeSpan.FromSeconds(5));

        Assert.True(slot.TryTake(out var last));
        Assert.Equal(200, last.FrameNumber); // only the newest frame is waiting
        Assert.False(slot.TryTake(out _));
        Assert.Equal(199, observer.Drops["superseded"]);
        slot.Release();
    }

    [Fact]
    public void A_frame_rate_limit_drops_and_counts_frames_at_the_source()
    {
        var slot = new LatestFrameSlot();
        var observer = new RecordingObserver();
        // The clock advances 10 ms per reading, twice per frame: frames are 20 ms apart, so a 5 fps limit (200 ms)
        // passes frames 1, 11, 21, ... 191 of the clip's 200 and drops the other 180.
        var clock = new SteppingClock(TimeSpan.FromMilliseconds(10));
        var capture = new CameraCapture("limited", new FrameSourceOptions { Source = RepoPaths.Clip, LoopFile = false, PaceFile = false, MaxFps = 5 }, slot, observer, clock, Quick);

        capture.Start();
        Eventually.True(() => observer.HasEnded, "end of clip");
        capture.Stop(TimeSpan.FromSeconds(5));
        slot.Release();

        Assert.Equal(200, observer.Captured);
        Assert.Equal(180, observer.Drops["rate_limit"]);
        Assert.Equal(19, observer.Drops["superseded"]); // 20 passed the limit, nobody took them: all but the newest replaced
    }

    [Fact]
    public void An_unreachable_url_is_reported_down_by_name_and_retried_with_growing_delays()
    {
        var slot = new LatestFrameSlot();
        var observer = new RecordingObserver();
        var url = "http://127.0.0.1:9/nothing-here.mjpg";
        var capture = new CameraCapture("gone", new FrameSourceOptions { Source = url, OpenTimeout = TimeSpan.FromSeconds(2) }, slot, observer, TimeProvider.System, Quick);

        capture.Start();
        Eventually.True(() => observer.Downs.Length >= 3, "three failed attempts");
        capture.Stop(TimeSpan.FromSeconds(5));
        slot.Release();

        Assert.All(observer.Downs, d => Assert.Contains(url, d));
        Assert.Equal(0, observer.Ups);
        Assert.True(observer.Reconnects >= 2);
        lock (observer.Delays)
        {
            // 100 ms, 200 ms, 400 ms (the cap), each ±20 %.
            Assert.InRange(observer.Delays[0].TotalMilliseconds, 80, 120);
            Assert.InRange(observer.Delays[1].TotalMilliseconds, 160, 240);
            Assert.InRange(observer.Delays[2].TotalMilliseconds, 320, 400);
        }
    }

    [Fact]
    public void A_stream_that_dies_mid_way_is_reported_down_and_picked_up_again_when_it_returns()
    {
        using var camera = new MjpegServer();
        camera.Start();
        var slot = new LatestFrameSlot();
        var observer = new RecordingObserver();
        var capture = new CameraCapture("mjpeg", new FrameSourceOptions { Source = camera.Url, ReadTimeout = TimeSpan.FromSeconds(2), OpenTimeout = TimeSpan.FromSeconds(2) }, slot, observer, TimeProvider.System, Quick);

        capture.Start();
        Eventually.True(() => observer.Captured >= 10, "10 frames from the live stream: " + string.Join(" / ", observer.Events) + $" connections {camera.Connections}");
        camera.Stop();
        Eventually.True(() => observer.Downs.Length >= 1, "the stream reported down");
        var capturedWhileDown = observer.Captured;
        camera.Start();
        Eventually.True(() => observer.Ups >= 2 && observer.Captured >= capturedWhileDown + 10, "10 more frames after the camera came back");
        capture.Stop(TimeSpan.FromSeconds(5));

        Assert.True(slot.TryTake(out var frame));
        Assert.Equal(320, frame.Image.Width);
        Assert.True(observer.Reconnects >= 1);
        Assert.True(camera.Connections >= 2);
        slot.Release();
    }

    [Fact]
    public void A_truncated_file_plays_what_it_has_and_then_ends()
    {
        var path = Path.Combine(Path.GetTempPath(), $"edgecity-truncated-{Guid.NewGuid():N}.mp4");
        var bytes = File.ReadAllBytes(RepoPaths.Clip);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 3)]);
        try
        {
            var slot = new LatestFrameSlot();
            var observer = new RecordingObserver();
            var capture = new CameraCapture("truncated", new FrameSourceOptions { Source = path, LoopFile = false, PaceFile = false }, slot, observer, TimeProvider.System, Quick);

            capture.Start();
            Eventually.True(() => observer.HasEnded, "end of the truncated file");
            capture.Stop(TimeSpan.FromSeconds(5));
            slot.Release();

            Assert.InRange(observer.Captured, 1, 199);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_corrupt_file_is_reported_down_by_name_and_retried_not_thrown()
    {
        var path = Path.Combine(Path.GetTempPath(), $"edgecity-corrupt-{Guid.NewGuid():N}.mp4");
        File.WriteAllBytes(path, Enumerable.Range(0, 100_000).Select(i => (byte)(i * 31 % 251)).ToArray());
        try
        {
            var slot = new LatestFrameSlot();
            var observer = new RecordingObserver();
            var capture = new CameraCapture("corrupt", new FrameSourceOptions { Source = path }, slot, observer, TimeProvider.System, Quick);

            capture.Start();
            Eventually.True(() => observer.Downs.Length >= 2, "two failed attempts");
            capture.Stop(TimeSpan.FromSeconds(5));
            slot.Release();

            Assert.Contains(path, observer.Downs[0]);
            Assert.Equal(0, observer.Captured);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
