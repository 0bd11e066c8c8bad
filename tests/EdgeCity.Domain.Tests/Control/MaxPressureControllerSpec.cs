using EdgeCity.Domain.Control;
using EdgeCity.Domain.Control.Controllers;

namespace EdgeCity.Domain.Tests.Control;

public sealed class MaxPressureControllerSpec
{
    [Fact]
    public void Picks_the_phase_with_the_highest_pressure_after_min_green()
    {
        var timings = TestModels.CrossTimings();
        var controller = new MaxPressureController(timings, new SaturationFlows(timings.Model));
        var signal = new SignalState(30, timings.Model.Movements.ToDictionary(m => m.Id, _ => SignalIndication.Red), "NS", false, 12);
        var queues = TestModels.Queues(timings.Model, ("ns", 2), ("nsl", 1), ("ew", 6), ("ewl", 9));

        var decision = controller.Decide(new ControllerInput(30, signal, queues));

        // EWL: ewl 1 lane × 9 = 4.5 veh/s·veh; EW: ew 2 lanes × 6 = 6.0 plus permissive ewl 0.5 × 9 × 0.5 = 8.25.
        Assert.Equal("EW", decision.TargetPhaseId);
        Assert.Equal(8.25, controller.Pressure(timings.Model.Phases[2], new ControllerInput(30, signal, queues)), 6);
    }

    [Fact]
    public void Downstream_queues_lower_a_phase_pressure()
    {
        var timings = TestModels.CrossTimings();
        var controller = new MaxPressureController(timings, new SaturationFlows(timings.Model));
        var signal = new SignalState(30, timings.Model.Movements.ToDictionary(m => m.Id, _ => SignalIndication.Red), "NS", false, 12);
        var queues = TestModels.Queues(timings.Model, ("ns", 2), ("ew", 6), ("ewl", 14));
        queues["ew"] = queues["ew"] with { DownstreamQueueVehicles = 6 };

        // EW: ew's exit is as full as its queue (0) plus permissive ewl 3.5; EWL: 7.0 beats NS's 2.0 by more than
        // the margin of 0.5 + 0.25 × 10 s of clearance (the crossing's flashing don't walk and all-red).

        Assert.Equal("EWL", controller.Decide(new ControllerInput(30, signal, queues)).TargetPhaseId);
    }

    [Fact]
    public void Holds_before_min_green_and_when_no_phase_beats_the_current_one_by_the_clearance_margin()
    {
        var timings = TestModels.CrossTimings();
        var controller = new MaxPressureController(timings, new SaturationFlows(timings.Model));
        var red = timings.Model.Movements.ToDictionary(m => m.Id, _ => SignalIndication.Red);
        var queues = TestModels.Queues(timings.Model, ("ns", 5), ("ew", 9));

        Assert.Equal("NS", controller.Decide(new ControllerInput(3, new SignalState(3, red, "NS", false, 3), queues)).TargetPhaseId);
        Assert.Equal("EW", controller.Decide(new ControllerInput(30, new SignalState(30, red, "NS", false, 12), queues)).TargetPhaseId);
        var even = TestModels.Queues(timings.Model, ("ns", 5), ("ew", 7.5));
        Assert.Equal("NS", controller.Decide(new ControllerInput(30, new SignalState(30, red, "NS", false, 12), even)).TargetPhaseId);
    }
}
