using System.Diagnostics;
using System.Xml.Linq;
using EdgeCity.Domain.Signals;
using EdgeCity.Simulation.Network;

namespace EdgeCity.Simulation.Tests.Network;

public sealed class SumoNetworkReaderSpec
{
    public static TheoryData<string> ShippedNetworks => new()
    {
        "cross/cross.net.xml",
        "square/square.net.xml",
        "grid6/grid6.net.xml",
        "corridor/corridor.net.xml",
        "kuehne/kuehne.net.xml",
        "bs3d/bs.net.xml",
        "DRT/osm.net.xml",
        "A10KW/osm.net.xml",
        // OSM-imported city networks shipped with sumolib's scenarios: clustered junctions, many-phase programs.
        "../sumolib/scenario/scenarios/RealWorld/pasubio/pasubio_buslanes.net.xml",
        "../sumolib/scenario/scenarios/RealWorld/acosta/acosta_buslanes.net.xml",
        "../sumolib/scenario/scenarios/RealWorld/joined/joined_buslanes.net.xml",
    };

    [Theory]
    [MemberData(nameof(ShippedNetworks))]
    public void Signals_links_and_phases_match_the_file(string relative)
    {
        var path = Path.Combine(ShippedScenario.GameRoot, relative);
        var xml = XDocument.Load(path).Root!;
        var logics = xml.Elements("tlLogic").ToList();

        var network = SumoNetworkReader.Read(path);

        Assert.Equal(xml.Elements("junction").Count(j => ((string?)j.Attribute("type"))?.StartsWith("traffic_light") == true), network.SignalisedJunctions.Count());
        // A light may be driven by connections whose program lives in an additional file (DRT does this).
        var lights = logics.Select(l => (string)l.Attribute("id")!).Concat(xml.Elements("connection").Select(c => (string?)c.Attribute("tl")).OfType<string>());
        Assert.Equal(lights.Distinct().Order(), network.TrafficLights.Keys.Order());
        foreach (var logic in logics)
        {
            var tls = network.TrafficLights[(string)logic.Attribute("id")!];
            var program = tls.Programs.Single(p => p.ProgramId == (string)logic.Attribute("programID")!);
            Assert.Equal(logic.Elements("phase").Count(), program.Phases.Count);
            Assert.Equal(logic.Elements("phase").Sum(p => double.Parse((string)p.Attribute("duration")!, System.Globalization.CultureInfo.InvariantCulture)), program.CycleSeconds, 6);
            var linkIndices = xml.Elements("connection").Where(c => (string?)c.Attribute("tl") == tls.Id).Select(c => (int)c.Attribute("linkIndex")!).Distinct().Count();
            Assert.Equal(linkIndices, tls.Links.Count);
        }
    }

    [Theory]
    [MemberData(nameof(ShippedNetworks))]
    public void Sumos_own_programs_never_show_conflicting_protected_greens_in_the_model(string relative)
    {
        var network = SumoNetworkReader.Read(Path.Combine(ShippedScenario.GameRoot, relative));

        var signals = SumoSignalModelBuilder.BuildAll(network);
        Assert.Contains(signals, s => s.Model.Conflicts.Count > 0);
        foreach (var signal in signals.Where(s => s.TrafficLight.Programs.Count > 0))
        {
            Assert.Empty(signal.Warnings);
            Assert.Empty(signal.Model.Check());
            Assert.Equal(signal.TrafficLight.Links.Count, signal.Model.Movements.Sum(m => m.LinkIndices.Count));
            // Each run of green steps of the program is a phase (one that ends the cycle in the first phase's green is
            // that phase again), and writing the phase back gives SUMO's state again.
            var greens = signal.Program.Steps.Where(s => s.IsGreenStage).DistinctBy(s => s.PhaseId).ToList();
            Assert.Equal(greens.Count, signal.Model.Phases.Count);
            foreach (var (step, phase) in greens.Zip(signal.Model.Phases))
            {
                var expected = new string(step.State.Select((c, i) => signal.TrafficLight.Links.ContainsKey(i) ? (c == 's' ? 'g' : c) : 'r').ToArray());
                Assert.Equal(expected, SignalStateString.ForPhase(signal.Model, phase, step.State.Length));
            }
        }
    }

    [Fact]
    public void The_cross_is_one_light_with_twelve_links_four_approaches_and_left_turns_that_yield()
    {
        var network = SumoNetworkReader.Read(Path.Combine(ShippedScenario.GameRoot, "cross/cross.net.xml"));

        var signal = Assert.Single(SumoSignalModelBuilder.BuildAll(network));
        var model = signal.Model;

        Assert.Equal("0", model.IntersectionId);
        Assert.Equal(["1si", "2si", "3si", "4si"], signal.TrafficLight.ApproachEdges.Order());
        Assert.Equal(12, model.Movements.Count);
        Assert.Equal(8, signal.Program.Steps.Count);
        Assert.Equal(90, signal.Program.CycleSeconds);
        Assert.Equal(["p0", "p2", "p4", "p6"], model.Phases.Select(p => p.Id));
        // Phase 0 "GGgrrrGGgrrr": through and right of 2si and 1si protected, their left turns permissive.
        Assert.Equal(["1si.right", "1si.straight", "2si.right", "2si.straight"], model.Phases[0].ProtectedGreens.Order());
        Assert.Equal(["1si.left", "2si.left"], model.Phases[0].PermissiveGreens.Order());
        Assert.True(model.Conflicts.MustYield("2si.left", "1si.straight"));
        Assert.False(model.Conflicts.MustYield("1si.straight", "2si.left"));
        Assert.True(model.Conflicts.AreFoes("2si.straight", "3si.straight"));
        Assert.False(model.Conflicts.AreFoes("2si.straight", "1si.straight"));
        Assert.Equal(new Intergreen(3, 0), model.IntergreenOf("2si.straight"));
        Assert.Equal(new TurnDirection[] { TurnDirection.Right, TurnDirection.Straight, TurnDirection.Left }, model.Movements.Where(m => m.Approach == "2si").Select(m => m.Turn));
        Assert.Equal(127.06, network.Lanes["2si_0"].Length, 2);
    }

    [Fact]
    public void A_netgenerate_grid_with_signals_becomes_one_model_per_junction()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"edgecity-grid-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var net = Path.Combine(folder, "grid.net.xml");
            var info = new ProcessStartInfo("netgenerate", ["--grid", "--grid.number", "3", "--grid.length", "150", "--default.lanenumber", "2",
                "--default-junction-type", "traffic_light", "--tls.default-type", "actuated", "--no-turnarounds", "true", "-o", net])
            { RedirectStandardError = true, RedirectStandardOutput = true };
            info.Environment["SUMO_HOME"] = "/usr/share/sumo";
            using (var p = Process.Start(info)!)
            {
                p.WaitForExit();
                Assert.True(p.ExitCode == 0, p.StandardError.ReadToEnd());
            }

            var network = SumoNetworkReader.Read(net);
            var models = SumoSignalModelBuilder.BuildAll(network);

            // A 3×3 grid: every junction has a light (corners have two arms, edges three, the centre four).
            Assert.Equal(9, models.Count);
            var centre = models.Single(m => m.TrafficLight.ApproachEdges.Count == 4);
            Assert.All(models, m => Assert.Empty(m.Model.Check()));
            // Actuated programs carry their green bounds into the phases.
            Assert.All(centre.Model.Phases, p => Assert.True(p.MaxGreenSeconds > p.MinGreenSeconds));
            Assert.Equal(centre.Program.Steps.Where(s => s.IsGreenStage).Select(s => s.MinSeconds), centre.Model.Phases.Select(p => p.MinGreenSeconds));
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void A_file_that_is_not_a_network_is_named_in_the_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"routes-{Guid.NewGuid():N}.xml");
        File.WriteAllText(path, "<routes><vehicle id=\"a\" depart=\"0\"/></routes>");
        try
        {
            var ex = Assert.Throws<InvalidDataException>(() => SumoNetworkReader.Read(path));
            Assert.Contains(path, ex.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
