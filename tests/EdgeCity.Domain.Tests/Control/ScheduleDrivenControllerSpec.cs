using EdgeCity.Domain.Control;
using EdgeCity.Domain.Control.Controllers;
using EdgeCity.Domain.Signals;

namespace EdgeCity.Domain.Tests.Control;

public sealed class ScheduleDrivenControllerSpec
{
    private static readonly SignalTimings Timings = new(TestModels.TwoPhase(min: 5, max: 60));

    /// <summary>B has a few vehicles early; a platoon of six reaches a's stop line from 30 s, 2.5 s apart.</summary>
    private static QueueJunction PlatoonJunction() => new(Timings, new Dictionary<string, double[]>
    {
        ["a"] = [30, 32.5, 35, 37.5, 40, 42.5],
        ["b"] = [1, 3, 5],
    });

    [Fact]
    public void Serves_an_approaching_platoon_without_stopping_it()
    {
        var result = PlatoonJunction().Run(new ScheduleDrivenController(Timings, new SaturationFlows(Timings.Model)), 90);

        Assert.Empty(result.RuleBreaks);
        Assert.All(result.Departures["a"], v => Assert.Equal(v.Arrival, v.Departure, 6));
    }

    [Fact]
    public void Actuated_control_with_stop_line_detection_stops_the_same_platoon()
    {
        var result = PlatoonJunction().Run(new ActuatedController(Timings), 90);

        Assert.True(result.Departures["a"][0].Departure - result.Departures["a"][0].Arrival > 5.0);
    }

    [Fact]
    public void Keeps_green_for_a_platoon_about_to_arrive_instead_of_switching_to_a_single_waiting_car()
    {
        var controller = new ScheduleDrivenController(Timings, new SaturationFlows(Timings.Model));
        var signal = new SignalState(20, new Dictionary<string, SignalIndication> { ["a"] = SignalIndication.Green, ["b"] = SignalIndication.Red }, "A", false, 10);
        var observations = new Dictionary<string, MovementObservation>
        {
            ["a"] = new() { Approaching = [new(2), new(4), new(6), new(8), new(10)] },
            ["b"] = new() { QueueVehicles = 1, Presence = true },
        };

        var decision = controller.Decide(new ControllerInput(20, signal, observations));

        Assert.Equal("A", decision.TargetPhaseId);
        Assert.StartsWith("schedule: hold A", decision.Reason);
    }

    [Fact]
    public void Publishes_its_planned_outflow_for_downstream_neighbours()
    {
        var controller = new ScheduleDrivenController(Timings, new SaturationFlows(Timings.Model));
        var signal = new SignalState(100, new Dictionary<string, SignalIndication> { ["a"] = SignalIndication.Green, ["b"] = SignalIndication.Red }, "A", false, 10);
        var observations = new Dictionary<string, MovementObservation>
        {
            ["a"] = new() { QueueVehicles = 4, Presence = true },
            ["b"] = new() { QueueVehicles = 2, Presence = true },
        };

        controller.Decide(new ControllerInput(100, signal, observations));

        var outflow = controller.Outflow!;
        Assert.Equal(100.0, outflow.StartTimeSeconds);
        Assert.Equal(4.0, outflow.Departures["a"].Sum(), 6);
        Assert.Equal(2.0, outflow.Departures["b"].Sum(), 6);
        Assert.Equal(0.5, outflow.Departures["a"][0], 6);

        // Downstream, 20 s away, sees a's four vehicles arriving from 20.5 s, two seconds apart.
        var arrivals = outflow.ArrivalsFrom("a", travelSeconds: 20, share: 1.0, nowSeconds: 100);
        Assert.Equal([20.5, 22.5, 24.5, 26.5], arrivals.Select(v => v.EtaSeconds));
    }

    [Fact]
    public void Closely_spaced_it_keeps_the_program_clock_whatever_the_queues()
    {
        // Its neighbours run the same clock: a long queue on b alone must not pull b's green forward or stretch it.
        var controller = new ScheduleDrivenController(Timings, new SaturationFlows(Timings.Model), new ScheduleSettings { FollowProgramClock = true });
        var states = ControllerRun.Drive(Timings, controller, (_, _) => new Dictionary<string, MovementObservation>
        {
            ["a"] = new(),
            ["b"] = new() { QueueVehicles = 30, Presence = true },
        }, 300);

        // A's green from 0 s, 5 s transition, B's green from 25 s, every 50 s: the same plan as fixed time.
        var services = ControllerRun.Services(states).Skip(1).Take(6).ToList();
        Assert.Equal(["B", "A", "B", "A", "B", "A"], services.Select(s => s.Phase));
        Assert.All(services, s => Assert.Equal(20.0, s.Served, 0));
        Assert.Equal([25.0, 75.0, 125.0], services.Where(s => s.Phase == "B").Select(s => Math.Round(s.Start, 1)));
        Assert.All(states.Where(s => !s.InTransition), s => Assert.Equal(s.TimeSeconds % 50 < 25 ? "A" : "B", s.ActivePhaseId));
    }

    [Fact]
    public void Serves_a_waiting_movement_no_later_than_the_programme_it_replaced_would()
    {
        // The programme (20 s greens, 5 s transitions) keeps b waiting at most 25 s after A's green starts (30 s from
        // its own yellow). A heavy queue on a would hold A to its 60 s maximum; b's one car is served once it has waited
        // as long as the programme could make it wait (the 30 s floor).
        var controller = new ScheduleDrivenController(Timings, new SaturationFlows(Timings.Model));
        var states = ControllerRun.Drive(Timings, controller, (_, _) => new Dictionary<string, MovementObservation>
        {
            ["a"] = new() { QueueVehicles = 40, Presence = true },
            ["b"] = new() { QueueVehicles = 1, Presence = true },
        }, 80);

        var firstA = states.First(s => s.ActivePhaseId == "A" && !s.InTransition).TimeSeconds; // after the start-up all-red
        var firstB = states.First(s => s.ActivePhaseId == "B" && !s.InTransition).TimeSeconds;
        Assert.InRange(firstB - firstA, 30, 35.5); // 30 s wait, then the 5 s transition
    }

    /// <summary>Three foes a, b, c, one phase each, in that programme order: min 5, max 60, default 20.</summary>
    private static readonly SignalTimings ThreePhase = new(new IntersectionSignalModel(
        "y",
        [new Movement("a", "west", TurnDirection.Straight, [0]), new Movement("b", "south", TurnDirection.Straight, [1]), new Movement("c", "east", TurnDirection.Left, [2])],
        new ConflictMatrix().AddFoes("a", "b").AddFoes("a", "c").AddFoes("b", "c"),
        [TestModels.Phase("A", ["a"], [], 5, 60, 20), TestModels.Phase("B", ["b"], [], 5, 60, 20), TestModels.Phase("C", ["c"], [], 5, 60, 20)],
        new Dictionary<string, Intergreen> { ["a"] = new(3, 2), ["b"] = new(3, 2), ["c"] = new(3, 2) }));

    private static SignalDecision DecideAfterAEmptied(ScheduleSettings settings, double bQueue, double cQueue)
    {
        var controller = new ScheduleDrivenController(ThreePhase, new SaturationFlows(ThreePhase.Model), settings);
        var signal = new SignalState(100, new Dictionary<string, SignalIndication>
        {
            ["a"] = SignalIndication.Green, ["b"] = SignalIndication.Red, ["c"] = SignalIndication.Red,
        }, "A", false, 80);
        return controller.Decide(new ControllerInput(100, signal, TestModels.Queues(ThreePhase.Model, ("b", bQueue), ("c", cQueue))));
    }

    [Fact]
    public void In_programme_order_the_next_phase_is_the_next_one_someone_waits_for_not_the_longest_queue()
    {
        // Acyclic, the plan serves c's long queue first; in the programme's order b comes first, as every cycle of the
        // programme the junction ran before.
        Assert.Equal("C", DecideAfterAEmptied(new ScheduleSettings(), bQueue: 2, cQueue: 12).TargetPhaseId);
        Assert.Equal("B", DecideAfterAEmptied(new ScheduleSettings { ProgrammeOrder = true }, bQueue: 2, cQueue: 12).TargetPhaseId);
    }

    [Fact]
    public void In_programme_order_a_phase_no_one_waits_for_is_skipped()
    {
        Assert.Equal("C", DecideAfterAEmptied(new ScheduleSettings { ProgrammeOrder = true }, bQueue: 0, cQueue: 12).TargetPhaseId);
    }

    [Fact]
    public void A_site_names_schedule_driven_control_in_programme_order_schedule_ordered()
    {
        var ordered = SignalControllers.Create("schedule-ordered", ThreePhase, schedule: new ScheduleSettings { PermissiveRateFactor = 0.8 });

        Assert.Equal("schedule-ordered", ordered.Name);
        Assert.Equal("schedule", SignalControllers.Create("schedule", ThreePhase).Name);
        var signal = new SignalState(100, new Dictionary<string, SignalIndication>
        {
            ["a"] = SignalIndication.Green, ["b"] = SignalIndication.Red, ["c"] = SignalIndication.Red,
        }, "A", false, 80);
        Assert.Equal("B", ordered.Decide(new ControllerInput(100, signal, TestModels.Queues(ThreePhase.Model, ("b", 2), ("c", 12)))).TargetPhaseId);
    }
}
