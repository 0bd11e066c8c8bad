using EdgeCity.Domain.Control;
using EdgeCity.Domain.Signals;
using EdgeCity.Simulation.Control;
using EdgeCity.Simulation.Network;

namespace EdgeCity.Simulation.Tests.Control;

/// <summary>Real-city scenarios as SUMO's tools ship them: every config form SUMO accepts, and the cities' own programmes.</summary>
public sealed class SimScenarioSpec
{
    private const string RealWorld = ShippedScenario.GameRoot + "/../sumolib/scenario/scenarios/RealWorld";

    [Fact]
    public void A_config_in_SUMOs_older_form_without_an_input_section_is_read()
    {
        var scenario = SimScenario.FromConfig($"{RealWorld}/RiLSA_example1/run.sumo.cfg", null, null);

        Assert.Equal("rilsa1.net.xml", Path.GetFileName(scenario.NetFile));
        Assert.Equal(["genroutes.rou.xml"], scenario.RouteFiles.Select(Path.GetFileName));
        Assert.Equal(["vtypes.add.xml", "rilsa1_tls.add.xml"], scenario.AdditionalFiles.Select(Path.GetFileName));
        Assert.Empty(scenario.Notes);
    }

    [Fact]
    public void A_file_the_config_names_but_that_does_not_exist_is_left_out_and_said()
    {
        var scenario = SimScenario.FromConfig($"{RealWorld}/acosta/run.sumo.cfg", null, null);

        Assert.Equal(["acosta.rou.xml"], scenario.RouteFiles.Select(Path.GetFileName));
        var note = Assert.Single(scenario.Notes);
        Assert.Contains("acosta_busses.rou.xml, which does not exist", note);
    }

    [Fact]
    public void The_citys_programmes_from_the_additional_files_are_the_ones_EdgeCity_models()
    {
        var (scenario, network) = SimScenario.FromConfig($"{RealWorld}/acosta/run.sumo.cfg", null, null).Load();

        Assert.Equal(7, network.TrafficLights.Count);
        Assert.All(network.TrafficLights.Values, l => Assert.Equal("adapted", l.Programs[0].ProgramId));
        Assert.Contains(scenario.Notes, n => n.Contains("7 of 7 traffic lights run the programmes"));

        // Light 210's second green is split into seven steps of one state (1+1+5+3+2+10+5 s): one phase of 27 s.
        var model = SumoSignalModelBuilder.Build(network, "210").Model;
        Assert.Equal([34.0, 27.0, 10.0], model.Phases.Select(p => p.DefaultGreenSeconds));
        Assert.Equal(27.0, model.Phases[1].MinGreenSeconds);
    }

    [Fact]
    public void An_additional_file_whose_programme_SUMO_would_refuse_is_left_out_with_the_light_named()
    {
        var (scenario, network) = SimScenario.FromConfig($"{RealWorld}/pasubio/run.sumo.cfg", null, null).Load();

        Assert.DoesNotContain(scenario.AdditionalFiles, f => f.EndsWith("pasubio_tls_2.add.xml", StringComparison.Ordinal));
        Assert.Contains(scenario.Notes, n => n.Contains("pasubio_tls_2.add.xml: left out") && n.Contains("'233'") && n.Contains("drives 10 links, the network's light has 12"));
        Assert.Contains(scenario.Notes, n => n.Contains("pasubio_busses.rou.xml, which does not exist"));
        Assert.All(network.TrafficLights.Values.Where(l => l.Programs.Count > 0), l => Assert.NotEqual("utopia", l.Programs[0].ProgramId));
    }

    [Fact]
    public void A_link_whose_signal_is_off_yields_and_is_a_permissive_green_not_a_red()
    {
        var (_, network) = SimScenario.FromConfig($"{RealWorld}/RiLSA_example4/run.sumo.cfg", null, null).Load();

        var signal = SumoSignalModelBuilder.Build(network, "0");

        // Link 8 shows 'o' (off, yield) all cycle except one green step where it has 'G'.
        var offLink = signal.Model.Movements.Single(m => m.LinkIndices.Contains(8));
        var protectedIn = signal.Model.Phases.Where(p => p.ProtectedGreens.Contains(offLink.Id)).ToList();
        Assert.Single(protectedIn);
        Assert.All(signal.Model.Phases.Except(protectedIn), p => Assert.Contains(offLink.Id, p.PermissiveGreens));
        Assert.Empty(signal.Model.Check());
    }

    [Fact]
    public void The_citys_programme_gives_the_pair_intergreens_it_uses_and_the_validator_keeps_them()
    {
        var (_, network) = SimScenario.FromConfig($"{RealWorld}/RiLSA_example3/run.sumo.cfg", null, null).Load();
        var signal = SumoSignalModelBuilder.Build(network, "0");
        var model = signal.Model;
        var westLeft = model.Movements.Single(m => m.LinkIndices.Contains(11)).Id;
        var eastThrough = model.Movements.Single(m => m.LinkIndices.Contains(4)).Id;

        // RiLSA example 3 starts the east approach's green as the west left turn goes yellow ("rrrGGorrryyy").
        Assert.Equal(0.0, model.PairIntergreens[IntersectionSignalModel.PairKey(westLeft, eastThrough)]);
        var timings = new SignalTimings(model);
        Assert.Equal(0.0, timings.IntergreenSeconds(westLeft, eastThrough));
        Assert.Equal(3.0, timings.IntergreenSeconds(westLeft));

        // The validator lets the east through start on the tick after the west left turn's green ends, not 3 s later.
        var westPhase = model.Phases.First(p => p.ProtectedGreens.Contains(westLeft));
        var eastPhase = model.Phases.First(p => p.IsGreen(eastThrough) && !p.IsGreen(westLeft));
        var validator = PlanValidator.Adopting(timings, 0, westPhase.Id);
        var monitor = new SignalRuleMonitor(timings, 0, 1.0);
        monitor.Adopt(validator.Current);
        var t = 0.0;
        while (t < westPhase.MinGreenSeconds + 1)
        {
            monitor.Observe(validator.Step(t++, new SignalDecision(westPhase.Id, "hold")).State);
        }

        var ended = t;
        while (validator.Current.Indications[eastThrough] != SignalIndication.Green && t < ended + 10)
        {
            monitor.Observe(validator.Step(t++, new SignalDecision(eastPhase.Id, "switch")).State);
        }

        Assert.Equal(SignalIndication.Green, validator.Current.Indications[eastThrough]);
        Assert.True(t - ended <= 2, $"east through green {t - ended} s after the switch");
        Assert.Empty(monitor.Violations);
    }
}
