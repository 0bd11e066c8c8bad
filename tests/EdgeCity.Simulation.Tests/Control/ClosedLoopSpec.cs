using EdgeCity.Simulation.Control;
using EdgeCity.Simulation.Network;

namespace EdgeCity.Simulation.Tests.Control;

public sealed class ClosedLoopSpec
{
    [Fact]
    public async Task EdgeCity_controls_the_grid6_signals_in_SUMO_with_no_rule_broken_and_every_trip_accounted()
    {
        using var game = new ShippedScenario("grid6");
        var scenario = new SimScenario { NetFile = game.File_("grid6.net.xml"), RouteFiles = [game.File_("grid6.rou.xml")], End = 240 };
        var network = SumoNetworkReader.Read(scenario.NetFile);

        var run = await ClosedLoop.RunAsync(scenario, network, "schedule", seed: 3, game.Folder);

        Assert.Equal(6, run.Junctions);
        Assert.Empty(run.RuleBreaks);
        Assert.Equal(240, run.Steps + 0.0, 0);
        Assert.True(run.Trips.Trips > run.Trips.TripsCompleted && run.Trips.TripsCompleted > 50, $"{run.Trips}");
        Assert.InRange(run.Trips.MeanDelaySeconds, 0.5, 120);
    }

    [Fact]
    public async Task SUMO_actuated_baseline_runs_the_networks_own_phases_as_actuated_programs()
    {
        using var game = new ShippedScenario("cross");
        var scenario = new SimScenario { NetFile = game.File_("cross.net.xml"), RouteFiles = [game.File_("cross.rou.xml")], End = 300 };
        var network = SumoNetworkReader.Read(scenario.NetFile);

        var actuated = await SumoBaseline.RunAsync(scenario, network, actuated: true, seed: 1, game.Folder, CancellationToken.None);

        var add = System.Xml.Linq.XDocument.Load(Path.Combine(game.Folder, "actuated.add.xml"));
        var logic = Assert.Single(add.Descendants("tlLogic"));
        Assert.Equal("actuated", logic.Attribute("type")!.Value);
        Assert.Equal(ActuatedPrograms.ProgramId, logic.Attribute("programID")!.Value);
        Assert.All(logic.Elements("phase").Where(p => p.Attribute("state")!.Value.Contains('G') && !p.Attribute("state")!.Value.Contains('y')),
            p => Assert.True(double.Parse(p.Attribute("minDur")!.Value, System.Globalization.CultureInfo.InvariantCulture) < double.Parse(p.Attribute("maxDur")!.Value, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.InRange(actuated.Trips.TripsCompleted, 60, 300);
    }

    [Fact]
    public async Task Detailed_outputs_give_each_edges_delay_and_every_phase_change_asked_for_with_its_reason()
    {
        using var game = new ShippedScenario("cross");
        var scenario = new SimScenario { NetFile = game.File_("cross.net.xml"), RouteFiles = [game.File_("cross.rou.xml")], End = 300, DetailedOutputs = true };
        var network = SumoNetworkReader.Read(scenario.NetFile);

        var run = await ClosedLoop.RunAsync(scenario, network, "schedule", seed: 2, game.Folder);

        var edges = System.Xml.Linq.XDocument.Load(Path.Combine(game.Folder, "edgecity-schedule-2.edgedata.xml")).Descendants("edge").ToList();
        Assert.Contains(edges, e => network.Edges.ContainsKey(e.Attribute("id")!.Value) && double.Parse(e.Attribute("waitingTime")!.Value, System.Globalization.CultureInfo.InvariantCulture) > 0);
        var lines = File.ReadAllLines(Path.Combine(game.Folder, "edgecity-schedule-2.decisions.csv"));
        Assert.Equal(ControlledJunction.DecisionHeader, lines[0]);
        // Every change is one line: a different phase than the one shown, the controller's reason, each movement's queue.
        var changes = lines.Skip(1).Select(l => l.Split(',', 5)).ToList();
        Assert.True(changes.Count >= run.Trips.TripsCompleted / 20, $"{changes.Count} phase changes for {run.Trips.TripsCompleted} trips");
        Assert.All(changes, c =>
        {
            Assert.Equal("0", c[1]);
            Assert.NotEqual(c[2], c[3]);
            Assert.StartsWith("\"schedule: ", c[4], StringComparison.Ordinal);
            Assert.Matches(@"[0-9.]+\+[0-9]+$", c[4]);
        });
    }
}
