using EdgeCity.Simulation.Control;
using EdgeCity.Simulation.Network;

namespace EdgeCity.Simulation.Tests.Control;

public sealed class MovementLanesSpec
{
    [Fact]
    public void Short_approach_lanes_of_a_city_network_are_watched_upstream_to_the_detection_distance()
    {
        var (_, network) = SimScenario.FromConfig($"{ShippedScenario.GameRoot}/../sumolib/scenario/scenarios/RealWorld/acosta/run.sumo.cfg", null, null).Load();
        var all = SumoSignalModelBuilder.BuildAll(network).Select(signal => (signal, Lanes: MovementLanes.Of(signal.TrafficLight, signal.Model, network))).ToList();

        // Approach lanes of 4 to 16 m are extended through the junctions without signals before them, to 500 m; a lane
        // fed straight by another signal's link is not (that queue is the other signal's).
        var extended = all.SelectMany(a => a.Lanes).Where(l => l.InLanes.Any(i => network.Lanes[i].Length < 20) && l.Upstream.Count > 0).ToList();
        Assert.True(extended.Count >= 3, $"{extended.Count} short approaches extended");
        foreach (var lanes in all.Select(a => a.Lanes))
        {
            foreach (var up in lanes.SelectMany(l => l.Upstream))
            {
                Assert.InRange(up.MetersToStopLine, 1, MovementLanes.DetectionMeters);
                Assert.InRange(up.Share, 0.01, 1.0);
                Assert.DoesNotContain(up.LaneId, lanes.SelectMany(l => l.InLanes));
            }

            // A lane feeding two movements' lanes counts half its queue for each.
            var shared = lanes.SelectMany(l => l.Upstream).GroupBy(u => u.LaneId).Where(g => g.Count() > 1).ToList();
            Assert.All(shared, g => Assert.All(g, u => Assert.Equal(1.0 / g.Count(), u.Share, 9)));
        }

        // Light 219's side street (edge 11, 40 m) is watched back past the unsignalised junction before it, beyond the
        // 100 m a pole camera sees: its queue there blocked light 273 when the plan could not see it.
        var sideStreet = all.Single(a => a.signal.TrafficLight.Id == "219").Lanes.Where(l => l.MovementId.StartsWith("11.", StringComparison.Ordinal)).SelectMany(l => l.Upstream).ToList();
        Assert.Contains(sideStreet, u => u.MetersToStopLine > 100);

        var signal = all[0].signal;
        // Without the network nothing is added (the node's site path has no SUMO network).
        Assert.All(MovementLanes.Of(signal.TrafficLight, signal.Model), l => Assert.Empty(l.Upstream));
    }

    [Fact]
    public void An_approach_is_watched_back_to_where_it_starts_within_the_detection_distance()
    {
        // SUMO's cross: each 126-136 m approach is fed by a 40-49 m lane from the network's edge through a junction
        // without signals; the approach is watched whole (about 175 m), and nothing lies beyond.
        var network = SumoNetworkReader.Read($"{ShippedScenario.GameRoot}/cross/cross.net.xml");
        var signal = Assert.Single(SumoSignalModelBuilder.BuildAll(network));

        Assert.All(MovementLanes.Of(signal.TrafficLight, signal.Model, network).Where(l => l.InLanes.Count > 0), l =>
        {
            var up = Assert.Single(l.Upstream);
            Assert.EndsWith("fi_0", up.LaneId, StringComparison.Ordinal);
            Assert.InRange(up.MetersToStopLine, 126, 136);
            Assert.True(up.MetersToStopLine + network.Lanes[up.LaneId].Length < MovementLanes.DetectionMeters);
        });
    }
}
