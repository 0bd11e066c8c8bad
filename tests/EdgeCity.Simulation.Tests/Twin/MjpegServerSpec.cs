using EdgeCity.Domain.Evaluation;
using System.Net;
using EdgeCity.Domain.Sites;
using EdgeCity.Simulation.Twin;
using OpenCvSharp;

namespace EdgeCity.Simulation.Tests.Twin;

public sealed class MjpegServerSpec
{
    [Fact]
    public async Task Each_part_of_the_stream_is_a_jpeg_opencv_decodes_and_debians_ffmpeg_reads_it_as_mjpeg()
    {
        await using var server = new MjpegServer(["cam-a", "cam-b"]);
        using var stop = new CancellationTokenSource();
        var publisher = Task.Run(async () =>
        {
            // A new frame every 50 ms whose colour tells which camera it came from.
            using var a = new Mat(240, 320, MatType.CV_8UC3, new Scalar(200, 40, 40));
            using var b = new Mat(240, 320, MatType.CV_8UC3, new Scalar(40, 40, 200));
            var ja = a.ImEncode(".jpg");
            var jb = b.ImEncode(".jpg");
            while (!stop.IsCancellationRequested)
            {
                server.Publish("cam-a", ja);
                server.Publish("cam-b", jb);
                await Task.Delay(50);
            }
        });

        try
        {
            using var client = await MjpegClient.OpenAsync(server.UrlOf("cam-b"));
            for (var i = 0; i < 5; i++)
            {
                using var frame = await client.ReadAsync();
                Assert.Equal(new Size(320, 240), frame.Size());
                var mean = Cv2.Mean(frame);
                Assert.InRange(mean.Val2, 180, 220);
                Assert.InRange(mean.Val0, 20, 60);
            }

            // An independent reader: FFmpeg's own mpjpeg demuxer (Debian's ffprobe, built with networking).
            var probe = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(
                "ffprobe", ["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=codec_name,width,height", "-of", "csv=p=0", server.UrlOf("cam-a")])
            { RedirectStandardOutput = true })!;
            var output = await probe.StandardOutput.ReadToEndAsync();
            await probe.WaitForExitAsync();
            Assert.Equal("mjpeg,320,240", output.Trim());
        }
        finally
        {
            await stop.CancelAsync();
            await publisher;
        }
    }

    [Fact]
    public async Task An_unknown_camera_is_a_404_that_lists_the_cameras()
    {
        await using var server = new MjpegServer(["cam-a"]);
        using var http = new HttpClient();

        var response = await http.GetAsync($"http://127.0.0.1:{server.Port}/nope.mjpg");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("cam-a", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_demo_twin_streams_a_camera_whose_frames_match_the_rendered_size_and_carry_truth()
    {
        var site = SiteFile.Load(RepositoryPaths.DemoSite).Site!;
        var folder = Path.GetDirectoryName(RepositoryPaths.DemoSite)!;
        using var twin = await SiteTwin.StartAsync(site with { Twin = site.Twin! with { Begin = 0 } }, folder, ["J1-W_J1"]);
        await using var server = new MjpegServer(["J1-W_J1"]);
        twin.Sumo.Traci.Step(90);
        using var stop = new CancellationTokenSource();
        var truths = new List<TruthFrame>();
        var run = Task.Factory.StartNew(
            () => twin.Run((r, image, truth) => { server.Publish(r.CameraId, image.ImEncode(".jpg")); truths.Add(truth); }, realTime: true, seconds: 30, stop.Token),
            TaskCreationOptions.LongRunning);

        try
        {
            using var client = await MjpegClient.OpenAsync(server.UrlOf("J1-W_J1"));
            using var frame = await client.ReadAsync();
            Assert.Equal(new Size(640, 360), frame.Size());
        }
        finally
        {
            await stop.CancelAsync();
            await run;
        }

        Assert.NotEmpty(truths);
        Assert.Contains(truths, t => t.Vehicles.Count > 0);
        Assert.All(truths.SelectMany(t => t.Vehicles), o => Assert.InRange(o.Box[2], o.Box[0] + 3, 640));
    }
}
