using EdgeCity.Domain.Control;
using EdgeCity.Domain.Control.Controllers;
using EdgeCity.Domain.Control.Supervision;

namespace EdgeCity.Domain.Tests.Control.Supervision;

public sealed class JunctionSupervisorSpec
{
    private static readonly SignalTimings Timings = TestModels.CrossTimings();

    private static readonly Dictionary<string, double> Demand = new() { ["ns"] = 500, ["nsl"] = 100, ["ew"] = 400, ["ewl"] = 100, ["pw"] = 40 };

    /// <summary>A broken adaptive plan: it asks for the north-south phase for ever.</summary>
    private sealed class HoldsNorthSouth : ISignalController
    {
        public string Name => "holds-ns";

        public SignalDecision Decide(ControllerInput input) => new("NS", "holds-ns: NS for ever");
    }

    /// <summary>A wasteful adaptive plan: it changes phase at every min green, losing an intergreen each time.</summary>
    private sealed class SwitchesAtMinGreen : ISignalController
    {
        public string Name => "switches";

        public SignalDecision Decide(ControllerInput input)
        {
            var phases = Timings.Model.Phases;
            var i = Timings.PhaseIndex[input.Signal.ActivePhaseId];
            return input.Signal.InTransition || input.GreenSeconds < Timings.MinGreenSeconds(phases[i])
                ? new SignalDecision(input.Signal.ActivePhaseId, "switches: wait")
                : new SignalDecision(phases[(i + 1) % phases.Count].Id, "switches: next");
        }
    }

    [Fact]
    public void A_plan_that_starves_a_movement_is_handed_back_to_actuated_control_which_serves_it()
    {
        var junction = new QueueJunction(Timings, QueueJunction.Poisson(new Random(3), Demand, 900));
        var supervisor = JunctionSupervision.Supervise(new HoldsNorthSouth(), Timings)!;

        var alone = junction.Run(new HoldsNorthSouth(), 900);
        var supervised = junction.Run(supervisor, 900);

        Assert.Empty(supervised.RuleBreaks);
        var first = supervisor.Handovers[0];
        Assert.Equal(SupervisorMode.HandedBack, first.To);
        Assert.Matches(@"^ew(l)? kept red 1[2-9]\d s with a call \(limit 1[2-9]\d s\)$", first.Reason);
        Assert.Equal(first.TimeSeconds + 300, first.UntilSeconds, 6);
        // Retried after the hold, failed again before earning trust: the second hold is twice as long.
        Assert.Contains(supervisor.Handovers, h => h.To == SupervisorMode.Adaptive && h.TimeSeconds >= first.UntilSeconds);
        Assert.Contains(supervisor.Handovers, h => h.To == SupervisorMode.HandedBack && h.UntilSeconds - h.TimeSeconds == 600);
        Assert.Empty(alone.Departures["ew"]);
        Assert.True(supervised.Departures["ew"].Count > 30, $"{supervised.Departures["ew"].Count} east-west departures");
    }

    [Fact]
    public void A_plan_whose_queues_grow_is_handed_back_and_the_fallbacks_queue_is_measured()
    {
        var heavy = Demand.ToDictionary(kv => kv.Key, kv => kv.Value * 1.6);
        var junction = new QueueJunction(Timings, QueueJunction.Poisson(new Random(5), heavy, 1500));
        var supervisor = JunctionSupervision.Supervise(new SwitchesAtMinGreen(), Timings)!;

        var alone = junction.Run(new SwitchesAtMinGreen(), 1500);
        var supervised = junction.Run(supervisor, 1500);

        Assert.Contains(supervisor.Handovers, h => h.To == SupervisorMode.HandedBack && h.Reason.StartsWith("mean queue ", StringComparison.Ordinal));
        Assert.False(double.IsNaN(supervisor.FallbackQueue));
        Assert.True(supervised.MeanDelaySeconds < alone.MeanDelaySeconds * 0.9, $"supervised {supervised.MeanDelaySeconds:F1} s, alone {alone.MeanDelaySeconds:F1} s");
    }

    [Fact]
    public void A_plan_that_does_well_is_never_handed_back()
    {
        var junction = new QueueJunction(Timings, QueueJunction.Poisson(new Random(11), Demand, 1800));
        var supervisor = JunctionSupervision.Supervise(new ScheduleDrivenController(Timings, new SaturationFlows(Timings.Model)), Timings)!;

        var alone = junction.Run(new ScheduleDrivenController(Timings, new SaturationFlows(Timings.Model)), 1800);
        var supervised = junction.Run(supervisor, 1800);

        Assert.Equal(0, supervisor.HandBacks);
        Assert.Equal(alone.MeanDelaySeconds, supervised.MeanDelaySeconds, 9);
    }

    [Fact]
    public void Fixed_time_and_actuated_control_are_fallbacks_already_and_are_not_supervised()
    {
        Assert.Null(JunctionSupervision.Supervise(new FixedTimeController(Timings), Timings));
        Assert.Null(JunctionSupervision.Supervise(new ActuatedController(Timings), Timings));
    }
}
