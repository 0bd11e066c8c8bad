using EdgeCity.Domain.Sites;
using EdgeCity.Simulation.Network;
using EdgeCity.Simulation.Tests.Network;
using EdgeCity.Simulation.Twin;

namespace EdgeCity.Simulation.Tests.Twin;

public sealed class SiteFromSumoSpec
{
    public static TheoryData<string> ShippedNetworks => SumoNetworkReaderSpec.ShippedNetworks;

    [Theory]
    [MemberData(nameof(ShippedNetworks))]
    public void Every_shipped_network_becomes_a_valid_site_with_a_camera_per_approach(string relative)
    {
        var path = Path.Combine(ShippedScenario.GameRoot, relative);
        var network = SumoNetworkReader.Read(path);

        var site = SiteFromSumo.Generate(network, "shipped", Path.GetFileName(path), [], cameras: true);

        Assert.Empty(SiteValidator.Validate(site));
        Assert.Equal(network.TrafficLights.Values.Count(t => t.Programs.Count > 0), site.Intersections.Count);
        Assert.Equal(site.Intersections.Sum(i => i.Approaches.Count), site.Cameras.Count);
        // Every approach is a road into its light, with the lanes SUMO gives it.
        foreach (var x in site.Intersections)
        {
            foreach (var a in x.Approaches)
            {
                Assert.Contains(a.Id, network.TrafficLights[x.SumoTls!].ApproachEdges);
                Assert.All(a.SumoLanes, l => Assert.Equal(a.Id, network.Lanes[l].EdgeId));
            }
        }
    }
}
