using EdgeCity.Domain.Evaluation;
using EdgeCity.Domain.Sites;
using EdgeCity.Simulation.Network;
using EdgeCity.Simulation.Sumo;
using EdgeCity.Simulation.Traci;
using EdgeCity.Simulation.Twin;
using OpenCvSharp;

namespace EdgeCity.Simulation.Tests.Twin;

public sealed class CameraRendererSpec : IDisposable
{
    private readonly ShippedScenario _cross = new("cross");

    public void Dispose() => _cross.Dispose();

    private async Task<(SumoProcess Sumo, SumoNetwork Network, IReadOnlyList<VehicleState> Vehicles)> CrossAfter(double seconds)
    {
        var sumo = await SumoProcess.StartAsync(new SumoLaunchOptions
        {
            NetFile = _cross.File_("cross.net.xml"),
            RouteFiles = [_cross.File_("cross.rou.xml")],
            StepLength = 0.5,
            WorkingDirectory = _cross.Folder,
        });
        sumo.Traci.Step(seconds);
        return (sumo, SumoNetworkReader.Read(_cross.File_("cross.net.xml")), sumo.Traci.VehicleStates(sumo.Traci.VehicleIds()));
    }

    [Fact]
    public async Task Top_down_boxes_sit_where_traci_puts_each_vehicle_with_its_real_size()
    {
        var (sumo, network, vehicles) = await CrossAfter(60);
        using var _ = sumo;
        var pose = new CameraPoseDefinition { X = 200, Y = 200, TopDown = true, MetersPerPixel = 0.25, ImageWidth = 800, ImageHeight = 800 };
        using var renderer = new CameraRenderer("top", pose, network, effects: false);

        var (_, truth) = renderer.Render(vehicles, 60);

        // 800 px at 0.25 m/px covers 200 m around the centre of the cross: every vehicle within it is seen.
        var inside = vehicles.Where(v => Math.Abs(v.Centre.X - 200) < 95 && Math.Abs(v.Centre.Y - 200) < 95).ToList();
        Assert.NotEmpty(inside);
        Assert.Equal(inside.Select(v => v.Id).Order(), truth.Vehicles.Select(o => o.Id).Order());
        foreach (var v in inside)
        {
            var box = truth.Vehicles.Single(o => o.Id == v.Id).Box;
            var u = 400 + ((v.Centre.X - 200) / 0.25);
            var w = 400 - ((v.Centre.Y - 200) / 0.25);
            Assert.Equal(u, (box[0] + box[2]) / 2, 1.0);
            Assert.Equal(w, (box[1] + box[3]) / 2, 1.0);
            // The footprint rotated by SUMO's angle spans |L sin a| + |W cos a| across and |L cos a| + |W sin a| down.
            var a = v.Angle * Math.PI / 180;
            Assert.Equal((Math.Abs(v.Length * Math.Sin(a)) + Math.Abs(v.Width * Math.Cos(a))) / 0.25, box[2] - box[0], 1.5);
            Assert.Equal((Math.Abs(v.Length * Math.Cos(a)) + Math.Abs(v.Width * Math.Sin(a))) / 0.25, box[3] - box[1], 1.5);
            Assert.Equal(v.LaneId, truth.Vehicles.Single(o => o.Id == v.Id).Lane);
        }
    }

    [Fact]
    public async Task Perspective_boxes_contain_each_vehicles_ground_point_and_the_pixels_drawn_for_it()
    {
        var (sumo, network, vehicles) = await CrossAfter(60);
        using var _ = sumo;
        // On a pole east of the cross, looking west down the 2si approach towards the junction.
        var pose = new CameraPoseDefinition { X = 290, Y = 196, Height = 9, Heading = 270, Tilt = 18, Fov = 70, ImageWidth = 640, ImageHeight = 360 };
        using var renderer = new CameraRenderer("pole", pose, network, effects: false);

        var (image, truth) = renderer.Render(vehicles, 60);
        Dump(image, truth, "pole");

        Assert.NotEmpty(truth.Vehicles);
        using var diff = new Mat();
        Cv2.Absdiff(image, renderer.Background, diff);
        using var gray = diff.CvtColor(ColorConversionCodes.BGR2GRAY);
        foreach (var o in truth.Vehicles)
        {
            var v = vehicles.Single(x => x.Id == o.Id);
            var ground = renderer.Camera.ProjectGround(new(v.Centre.X, v.Centre.Y))!.Value;
            if (ground.X is > 0 and < 640 && ground.Y is > 0 and < 360)
            {
                Assert.InRange(ground.X, o.Box[0], o.Box[2]);
                Assert.InRange(ground.Y, o.Box[1], o.Box[3]);
            }

            using var roi = new Mat(gray, new Rect((int)o.Box[0], (int)o.Box[1], Math.Max(1, (int)(o.Box[2] - o.Box[0])), Math.Max(1, (int)(o.Box[3] - o.Box[1]))));
            Assert.True(Cv2.CountNonZero(roi) > 0.3 * roi.Total(), $"{o.Id}: box {string.Join(",", o.Box)} shows almost nothing");
        }

        // Outside every box (and its shadow margin) the frame is the empty road.
        using var mask = new Mat(360, 640, MatType.CV_8UC1, Scalar.All(255));
        foreach (var o in truth.Vehicles)
        {
            var pad = (o.Box[3] - o.Box[1]) * 0.8;
            Cv2.Rectangle(mask, new Rect((int)(o.Box[0] - pad), (int)(o.Box[1] - pad), (int)(o.Box[2] - o.Box[0] + (2 * pad)), (int)(o.Box[3] - o.Box[1] + (2 * pad))), Scalar.All(0), -1);
        }

        using var outside = new Mat();
        Cv2.BitwiseAnd(gray, mask, outside);
        Assert.True(Cv2.CountNonZero(outside) < 0.002 * outside.Total(), "vehicles drawn where the truth has none");
    }

    [Fact]
    public async Task Camera_effects_change_the_picture_but_not_the_truth()
    {
        var (sumo, network, vehicles) = await CrossAfter(40);
        using var _ = sumo;
        var pose = new CameraPoseDefinition { X = 290, Y = 196, Height = 9, Heading = 270, Tilt = 18 };
        using var plain = new CameraRenderer("pole", pose, network, effects: false);
        using var real = new CameraRenderer("pole", pose, network, effects: true);

        var (a, ta) = plain.Render(vehicles, 40);
        using var plainImage = a.Clone();
        var (b, tb) = real.Render(vehicles, 40);

        Assert.Equal(ta.Vehicles.Select(o => (o.Id, string.Join(",", o.Box))), tb.Vehicles.Select(o => (o.Id, string.Join(",", o.Box))));
        using var diff = new Mat();
        Cv2.Absdiff(plainImage, b, diff);
        Assert.True(Cv2.Mean(diff).Val0 > 1.0, "noise and exposure left the picture unchanged");
    }

    private static void Dump(Mat image, TruthFrame truth, string name)
    {
        var folder = Environment.GetEnvironmentVariable("EDGECITY_TWIN_DUMP");
        if (folder is null)
        {
            return;
        }

        using var copy = image.Clone();
        foreach (var o in truth.Vehicles)
        {
            Cv2.Rectangle(copy, new Point(o.Box[0], o.Box[1]), new Point(o.Box[2], o.Box[3]), Scalar.Red, 1);
        }

        Cv2.ImWrite(Path.Combine(folder, $"{name}.png"), copy);
    }
}
