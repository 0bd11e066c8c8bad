using EdgeCity.Domain.Calibration;
using EdgeCity.Domain.Sites;
using EdgeCity.Simulation.Network;
using EdgeCity.Simulation.Twin;
using OpenCvSharp;

namespace EdgeCity.Simulation.Tests.Twin;

public sealed class DemoSiteSpec
{
    [Fact]
    public void The_demo_site_is_valid_and_names_the_lights_and_lanes_of_its_network()
    {
        var result = SiteFile.Load(RepositoryPaths.DemoSite);
        Assert.True(result.IsValid, result.Describe());
        var site = result.Site!;
        var network = SumoNetworkReader.Read(Path.Combine(Path.GetDirectoryName(RepositoryPaths.DemoSite)!, site.Twin!.Net));

        Assert.Equal(3, site.Intersections.Count);
        Assert.Equal(3, network.TrafficLights.Count);
        foreach (var x in site.Intersections)
        {
            Assert.Contains(x.SumoTls!, network.TrafficLights.Keys);
            Assert.Equal(4, x.Approaches.Count);
            Assert.All(x.Approaches.SelectMany(a => a.SumoLanes), lane => Assert.Contains(lane, network.Lanes.Keys));
        }

        // One camera per approach, each with a count line and one zone per lane.
        Assert.Equal(12, site.Cameras.Count);
        foreach (var camera in site.Cameras)
        {
            var approach = site.Intersections.Single(i => i.Id == camera.Intersection).Approaches.Single(a => a.Id == camera.Approach);
            Assert.Single(camera.CountLines);
            Assert.Equal(approach.SumoLanes.Order(), camera.Zones.Select(z => z.Lane).Order());
        }
    }

    [Fact]
    public void Every_flow_of_the_demo_demand_is_listed_in_departure_order_so_sumo_loads_the_side_streets()
    {
        // SUMO reads a route file in departure order and silently ignores a flow that begins before one read earlier
        // (only a warning): an unsorted file once dropped every side-street flow of the demo.
        var routes = System.Xml.Linq.XDocument.Load(Path.Combine(Path.GetDirectoryName(RepositoryPaths.DemoSite)!, "morning.rou.xml"));
        var begins = routes.Root!.Elements("flow").Select(f => double.Parse((string)f.Attribute("begin")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.Equal(14, begins.Count);
        Assert.Equal(begins.Order(), begins);
    }

    [Fact]
    public void Regenerating_the_site_from_the_network_gives_the_committed_site()
    {
        var folder = Path.GetDirectoryName(RepositoryPaths.DemoSite)!;
        var committed = SiteFile.Load(RepositoryPaths.DemoSite).Site!;
        var network = SumoNetworkReader.Read(Path.Combine(folder, "demo.net.xml"));

        var generated = SiteFromSumo.Generate(network, "demo", "demo.net.xml", ["morning.rou.xml"], cameras: true);

        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(committed, SiteFile.JsonOptions),
            System.Text.Json.JsonSerializer.Serialize(generated, SiteFile.JsonOptions));
    }

    [Fact]
    public void A_camera_calibration_maps_its_count_line_back_onto_the_road()
    {
        var site = SiteFile.Load(RepositoryPaths.DemoSite).Site!;
        var network = SumoNetworkReader.Read(Path.Combine(Path.GetDirectoryName(RepositoryPaths.DemoSite)!, "demo.net.xml"));
        var j1 = network.Junctions["J1"].Position;
        var camera = site.Cameras.First(c => c.Approach == "W_J1");
        var h = Homography.FromMatrix(camera.Calibration!.Homography!);
        var line = camera.CountLines[0];

        var a = h.Project(new(line.From[0], line.From[1]));
        var b = h.Project(new(line.To[0], line.To[1]));

        // W_J1 runs east towards J1 (netconvert moved the origin); the line lies across its two lanes 5 m before the
        // stop line (CameraPlacement.CountLineDistance), which is some 7 m before the junction's centre: 12.2 m.
        Assert.InRange((a.X + b.X) / 2, j1.X - 14, j1.X - 10.5);
        Assert.InRange(Math.Abs(a.Y - b.Y), 5, 8);
        Assert.InRange((a.Y + b.Y) / 2, j1.Y - 8, j1.Y);
    }
}
