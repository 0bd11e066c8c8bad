using EdgeCity.Domain.Control;
using EdgeCity.Domain.Control.Controllers;

namespace EdgeCity.Domain.Tests.Control;

public sealed class WebsterControllerSpec
{
    private static readonly SignalTimings Timings = new(TestModels.TwoPhase(min: 5, max: 60));

    private static ControllerInput Flows(double a, double b) => new(
        0,
        new PlanValidator(Timings, 0).Current,
        new Dictionary<string, MovementObservation>
        {
            ["a"] = new() { FlowVehiclesPerHour = a },
            ["b"] = new() { FlowVehiclesPerHour = b },
        });

    [Fact]
    public void Cycle_and_splits_follow_the_textbook_formula_for_known_flows()
    {
        var controller = new WebsterController(Timings, new SaturationFlows(Timings.Model));

        var plan = controller.ComputePlan(Flows(600, 450), null);

        // y = 600/1800 and 450/1800, Y = 0.5833; L = 2 phases × (3 s yellow + 2 s all-red) = 10 s.
        var y = (600.0 / 1800) + (450.0 / 1800);
        var c0 = ((1.5 * 10) + 5) / (1 - y);
        Assert.Equal(10.0, plan.LostTimeSeconds, 6);
        Assert.Equal(48.0, c0, 6);
        Assert.Equal(c0, plan.CycleSeconds, 6);
        Assert.Equal((c0 - 10) * (600.0 / 1800) / y, plan.GreenSeconds["A"], 6);
        Assert.Equal((c0 - 10) * (450.0 / 1800) / y, plan.GreenSeconds["B"], 6);
    }

    [Fact]
    public void The_cycle_moves_at_most_the_bounded_step_per_cycle()
    {
        var controller = new WebsterController(Timings, new SaturationFlows(Timings.Model), new WebsterSettings { MaxCycleChangeSeconds = 10 });
        var previous = new WebsterPlan(80, new Dictionary<string, double>(), 10, 0.9);

        Assert.Equal(70.0, controller.ComputePlan(Flows(600, 450), previous).CycleSeconds, 6);
        Assert.Equal(90.0, controller.ComputePlan(Flows(900, 800), previous).CycleSeconds, 6);
    }

    [Fact]
    public void An_oversaturated_junction_runs_the_maximum_cycle()
    {
        var controller = new WebsterController(Timings, new SaturationFlows(Timings.Model), new WebsterSettings { MaxCycleSeconds = 120 });

        Assert.Equal(120.0, controller.ComputePlan(Flows(1200, 1000), null).CycleSeconds, 6);
    }

    [Fact]
    public void Runs_its_splits_through_the_validator()
    {
        var controller = new WebsterController(Timings, new SaturationFlows(Timings.Model));
        var states = ControllerRun.Drive(Timings, controller, (_, _) => Flows(600, 450).Observations, 300);

        var services = ControllerRun.Services(states).Skip(2).Take(4).ToList();
        Assert.All(services.Where(s => s.Phase == "A"), s => Assert.Equal(38 * (1.0 / 3) / (7.0 / 12), s.Served, 0));
        Assert.All(services.Where(s => s.Phase == "B"), s => Assert.Equal(38 * 0.25 / (7.0 / 12), s.Served, 0));
    }
}
