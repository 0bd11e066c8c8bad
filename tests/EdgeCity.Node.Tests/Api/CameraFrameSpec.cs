using System.Net;
using System.Text.Json;
using EdgeCity.Actors.Cameras;
using EdgeCity.Domain.Detection;
using EdgeCity.Domain.Geometry;
using OpenCvSharp;

namespace EdgeCity.Node.Tests.Api;

[Collection(OperatorNodeCollection.Name)]
public sealed class CameraFrameSpec
{
    [Fact]
    public async Task By_default_no_frame_is_served_and_the_answer_says_frames_are_disabled()
    {
        await using var node = await OperatorNode.StartAsync();
        var camera = node.Site.Cameras[0].Id;

        var response = await node.Http.GetAsync($"/api/cameras/{camera}/frame");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Camera frames are disabled", problem.GetProperty("title").GetString());
        Assert.Contains("EdgeCity:Dashboard:ShowFrames=true", problem.GetProperty("detail").GetString());
        Assert.False(PrivateFrames.Get(node.System).Store.Enabled);
        Assert.Contains("data-frames=\"off\"", await node.Http.GetStringAsync("/"));
    }

    [Fact]
    public async Task Enabled_a_camera_frame_is_a_JPEG_whose_plate_band_is_blurred_and_unknown_cameras_are_named()
    {
        await using var node = await OperatorNode.StartAsync(null, "--EdgeCity:Dashboard:ShowFrames=true");
        var camera = node.Site.Cameras[0].Id;
        var store = PrivateFrames.Get(node.System).Store;
        Assert.True(store.Enabled);
        Assert.Contains("data-frames=\"on\"", await node.Http.GetStringAsync("/"));

        var unknown = JsonDocument.Parse(await (await node.Http.GetAsync("/api/cameras/no-such-camera/frame")).Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("no-such-camera", unknown.GetProperty("detail").GetString());
        var none = await node.Http.GetAsync($"/api/cameras/{camera}/frame");
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode); // the demo's twin cameras do not run here: no frame yet

        // What the inference thread hands over: a frame with a car whose plate is readable, and the car's box.
        using var image = new Mat(360, 640, MatType.CV_8UC3, new Scalar(90, 90, 90));
        Cv2.Rectangle(image, new Rect(200, 120, 240, 150), new Scalar(40, 40, 170), -1);
        Cv2.Rectangle(image, new Rect(260, 225, 120, 30), Scalar.White, -1);
        Cv2.PutText(image, "A123BC", new Point(266, 249), HersheyFonts.HersheySimplex, 0.8, Scalar.Black, 2);
        var car = new Detection(new BoxF(200, 120, 440, 270), 0, "car", 0.9f);
        store.Offer(camera, 42, DateTimeOffset.UtcNow, image, [car]);

        HttpResponseMessage response;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((response = await node.Http.GetAsync($"/api/cameras/{camera}/frame")).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(DateTime.UtcNow < deadline, "no frame served");
            await Task.Delay(100);
        }

        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("42", response.Headers.GetValues("X-Frame-Number").Single());
        Assert.True(int.Parse(response.Headers.GetValues("X-Regions-Blurred").Single()) >= 1);
        using var served = Cv2.ImDecode(await response.Content.ReadAsByteArrayAsync(), ImreadModes.Color);
        Assert.Equal(new Size(640, 360), served.Size());
        var plate = new Rect(260, 225, 120, 30);
        Assert.True(Sharpness(served, plate) < Sharpness(image, plate) * 0.05, "the plate is readable in the served frame");
        var sky = new Rect(10, 10, 100, 60);
        Assert.True(Math.Abs(Cv2.Mean(new Mat(served, sky)).Val0 - 90) < 3, "outside the regions the frame is unchanged");
    }

    private static double Sharpness(Mat image, Rect area)
    {
        using var gray = new Mat();
        Cv2.CvtColor(new Mat(image, area), gray, ColorConversionCodes.BGR2GRAY);
        using var lap = new Mat();
        Cv2.Laplacian(gray, lap, MatType.CV_64F);
        Cv2.MeanStdDev(lap, out _, out var std);
        return std.Val0 * std.Val0;
    }
}
