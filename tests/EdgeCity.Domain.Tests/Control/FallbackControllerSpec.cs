using EdgeCity.Domain.Control;
using EdgeCity.Domain.Control.Controllers;

namespace EdgeCity.Domain.Tests.Control;

public sealed class FallbackControllerSpec
{
    private static readonly SignalTimings Timings = TestModels.CrossTimings();

    private static ControllerInput Input(Func<string, MovementObservation> observe)
    {
        var signal = new SignalState(100, Timings.Model.Movements.ToDictionary(m => m.Id, _ => SignalIndication.Red), "NS", false, 30);
        return new ControllerInput(100, signal, Timings.Model.Movements.ToDictionary(m => m.Id, m => observe(m.Id)));
    }

    [Fact]
    public void Fresh_data_lets_the_configured_controller_decide()
    {
        var fallback = new FallbackController(new ScheduleDrivenController(Timings, new SaturationFlows(Timings.Model)), Timings);

        var decision = fallback.Decide(Input(_ => new MovementObservation { QueueVehicles = 2 }));

        Assert.Equal(FallbackMode.None, fallback.Mode);
        Assert.StartsWith("schedule:", decision.Reason);
    }

    [Fact]
    public void Stale_approaches_go_on_recall_under_actuated_control_while_fresh_ones_stay_actuated()
    {
        var fallback = new FallbackController(new ScheduleDrivenController(Timings, new SaturationFlows(Timings.Model)), Timings);

        var decision = fallback.Decide(Input(m => m is "ew" or "ewl" ? new MovementObservation { Stale = true, AgeSeconds = 12 } : new MovementObservation()));

        Assert.Equal(FallbackMode.RecallStaleApproaches, fallback.Mode);
        Assert.Equal(["ew", "ewl"], fallback.StaleMovements);
        Assert.Equal("EW", decision.TargetPhaseId);
        Assert.StartsWith("fallback actuated, recall on stale ew,ewl: actuated: gap-out", decision.Reason);
    }

    [Fact]
    public void When_every_approach_is_stale_it_runs_fixed_time()
    {
        var fallback = new FallbackController(new MaxPressureController(Timings, new SaturationFlows(Timings.Model)), Timings);

        var decision = fallback.Decide(Input(_ => MovementObservation.Missing));

        Assert.Equal(FallbackMode.FixedTime, fallback.Mode);
        Assert.StartsWith("fallback fixed time (all data stale): fixed:", decision.Reason);
    }

    [Fact]
    public void A_junction_whose_detectors_on_one_approach_go_stale_keeps_serving_it_and_breaks_no_rule()
    {
        var demand = new Dictionary<string, double> { ["ns"] = 500, ["nsl"] = 100, ["ew"] = 400, ["ewl"] = 100, ["pw"] = 40 };
        var junction = new QueueJunction(Timings, QueueJunction.Poisson(new Random(7), demand, 1200));
        var fallback = new FallbackController(new ScheduleDrivenController(Timings, new SaturationFlows(Timings.Model)), Timings);

        var result = junction.Run(fallback, 1200, stale: (t, m) => t > 300 && t < 900 && m.StartsWith("ew", StringComparison.Ordinal));

        Assert.Empty(result.RuleBreaks);
        Assert.True(result.Departures["ew"].Count(v => v.Departure > 300 && v.Departure < 900) > 50);
        Assert.True(result.MeanDelaySeconds < 60, $"mean delay {result.MeanDelaySeconds:F1} s");
    }
}
