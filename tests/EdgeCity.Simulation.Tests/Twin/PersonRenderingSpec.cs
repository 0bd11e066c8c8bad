using EdgeCity.Domain.Geometry;
using EdgeCity.Domain.Sites;
using EdgeCity.Simulation.Network;
using EdgeCity.Simulation.Twin;
using OpenCvSharp;

namespace EdgeCity.Simulation.Tests.Twin;

public sealed class PersonRenderingSpec : IDisposable
{
    // On a pole on the north side of the cross's west arm, looking east along it towards the junction.
    private static readonly CameraPoseDefinition Pole = new() { X = 110, Y = 212, Height = 7, Heading = 90, Tilt = 22, Fov = 70, ImageWidth = 640, ImageHeight = 360 };

    private readonly WalkingScenario _walk = WalkingScenario.Create();

    public void Dispose() => _walk.Dispose();

    [Fact]
    public async Task Pedestrians_are_drawn_upright_and_boxed_as_persons_where_sumo_puts_them()
    {
        using var sumo = await _walk.StartAsync();
        sumo.Traci.Step(150);
        var persons = sumo.Traci.PersonStates(sumo.Traci.PersonIds());
        var vehicles = sumo.Traci.VehicleStates(sumo.Traci.VehicleIds());
        using var renderer = new CameraRenderer("pole", Pole, SumoNetworkReader.Read(_walk.Net), effects: false);

        var (image, truth) = renderer.Render(vehicles, 150, persons);

        var boxed = truth.Vehicles.Where(o => o.Class == VehicleClass.Person).ToList();
        Assert.True(boxed.Count >= 3, $"{boxed.Count} persons boxed of {persons.Count} walking");
        Assert.All(boxed, o => Assert.Contains(persons, p => p.Id == o.Id));
        Assert.All(truth.Vehicles.Where(o => o.Class != VehicleClass.Person), o => Assert.Contains(vehicles, v => v.Id == o.Id));
        using var diff = new Mat();
        Cv2.Absdiff(image, renderer.Background, diff);
        using var gray = diff.CvtColor(ColorConversionCodes.BGR2GRAY);
        foreach (var o in boxed.Where(o => o.Box[0] > 0 && o.Box[2] < 640 && o.Box[3] < 360))
        {
            var p = persons.Single(x => x.Id == o.Id);
            var feet = renderer.Camera.ProjectGround(new Point2(p.X, p.Y))!.Value;
            var (w, h) = (o.Box[2] - o.Box[0], o.Box[3] - o.Box[1]);
            // An adult is 1.55-1.90 m tall and 0.5-0.8 m across with arms and a stride seen obliquely: a box at least
            // 1.4 times taller than wide even at the edge of a 70° view (cars and trucks are wider than tall there).
            Assert.True(h > 1.4 * w, $"{o.Id} at ({p.X:F1}, {p.Y:F1}) heading {p.Angle:F0}: box {string.Join(",", o.Box)} is not upright");
            Assert.InRange(feet.X, o.Box[0] - 1, o.Box[2] + 1);
            Assert.InRange(feet.Y, o.Box[3] - (0.25 * h), o.Box[3] + 1);
            using var roi = new Mat(gray, new Rect((int)o.Box[0], (int)o.Box[1], Math.Max(1, (int)w), Math.Max(1, (int)h)));
            Assert.True(Cv2.CountNonZero(roi) > 0.2 * roi.Total(), $"{o.Id}: box shows almost nothing");
            // Standing on the ground: the shadow starts at the feet, so the road a quarter metre from them towards
            // the shadow is no longer the background (a shadow floating beside the person left a gap there).
            var sun = renderer.ShadowPerMetre;
            var reach = 0.25 / Math.Sqrt((sun.X * sun.X) + (sun.Y * sun.Y));
            var nearFeet = renderer.Camera.ProjectGround(new Point2(p.X + (sun.X * reach), p.Y + (sun.Y * reach)))!.Value;
            var (u, v) = ((int)Math.Round(nearFeet.X), (int)Math.Round(nearFeet.Y));
            if (u is >= 0 and < 640 && v is >= 0 and < 360)
            {
                Assert.True(gray.At<byte>(v, u) > 0, $"{o.Id}: nothing drawn on the ground next to its feet");
            }
        }
    }

    [Fact]
    public async Task Pedestrians_walking_over_a_count_line_are_never_truth_crossings()
    {
        using var sumo = await _walk.StartAsync();
        var network = SumoNetworkReader.Read(_walk.Net);
        var camera = new CameraModel(Pole);
        // Across the whole west arm at x = 150, sidewalks included: persons walking east cross it as vehicles do.
        var a = camera.ProjectGround(new Point2(150, 180))!.Value;
        var b = camera.ProjectGround(new Point2(150, 214))!.Value;
        CountLineDefinition[] lines = [new() { Id = "arm", Approach = "1", From = [a.X, a.Y], To = [b.X, b.Y] }];
        using var renderer = new CameraRenderer("pole", Pole, network, lines, effects: false);
        var persons = new HashSet<string>(StringComparer.Ordinal);
        var crossings = new List<string>();
        var personBoxes = 0;
        sumo.Traci.Step(60);
        for (var t = 60.5; t <= 180; t += 0.5)
        {
            sumo.Traci.Step();
            var walking = sumo.Traci.PersonStates(sumo.Traci.PersonIds());
            persons.UnionWith(walking.Select(p => p.Id));
            var (_, truth) = renderer.Render(sumo.Traci.VehicleStates(sumo.Traci.VehicleIds()), t, walking);
            crossings.AddRange(truth.Crossings.Select(c => c.Vehicle));
            personBoxes += truth.Vehicles.Count(o => o.Class == VehicleClass.Person);
        }

        Assert.True(personBoxes > 100, $"only {personBoxes} person boxes in 240 frames");
        Assert.NotEmpty(crossings);
        Assert.DoesNotContain(crossings, persons.Contains);
    }
}
