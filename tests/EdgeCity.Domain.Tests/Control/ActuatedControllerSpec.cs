using EdgeCity.Domain.Control;
using EdgeCity.Domain.Control.Controllers;
using EdgeCity.Domain.Signals;

namespace EdgeCity.Domain.Tests.Control;

public sealed class ActuatedControllerSpec
{
    private static readonly SignalTimings Timings = new(TestModels.TwoPhase(min: 5, max: 30));

    private static Dictionary<string, MovementObservation> Presence(bool a, bool b) => new()
    {
        ["a"] = new MovementObservation { Presence = a, QueueVehicles = a ? 1 : 0 },
        ["b"] = new MovementObservation { Presence = b, QueueVehicles = b ? 1 : 0 },
    };

    [Fact]
    public void Gaps_out_one_passage_time_after_the_last_vehicle()
    {
        // Vehicles on a until 12 s; b waits. Passage 3 s: a's green ends at 15 s.
        var states = ControllerRun.Drive(Timings, new ActuatedController(Timings), (t, _) => Presence(t <= 12, true), 40);

        var a = ControllerRun.Services(states).First(s => s.Phase == "A");
        Assert.Equal(15.0, Math.Round(a.Start + a.Served, 1));
    }

    [Fact]
    public void Maxes_out_under_continuous_demand()
    {
        var states = ControllerRun.Drive(Timings, new ActuatedController(Timings), (_, _) => Presence(true, true), 80);

        var a = ControllerRun.Services(states).First(s => s.Phase == "A");
        Assert.Equal(30.0, a.Served, 1);
        Assert.Contains(states, s => s.ActivePhaseId == "B" && !s.InTransition);
    }

    [Fact]
    public void Rests_in_green_without_a_conflicting_call_and_answers_a_call_at_min_green()
    {
        var states = ControllerRun.Drive(Timings, new ActuatedController(Timings), (t, _) => Presence(false, t >= 20 && t < 21), 40);

        var services = ControllerRun.Services(states);
        Assert.Equal("A", services[0].Phase);
        Assert.Equal(20.0, Math.Round(services[0].Start + services[0].Served, 1));
        Assert.Equal(("B", 25.0), (services[1].Phase, Math.Round(services[1].Start, 1)));
    }

    [Fact]
    public void A_movement_on_recall_is_served_its_default_green_every_cycle_without_detection()
    {
        var controller = new ActuatedController(Timings, new ActuatedSettings { Recall = new HashSet<string> { "b" } });
        var states = ControllerRun.Drive(Timings, controller, (_, _) => Presence(true, false), 250);

        var b = ControllerRun.Services(states).Where(s => s.Phase == "B").ToList();
        Assert.True(b.Count >= 4);
        Assert.All(b.SkipLast(1), s => Assert.Equal(20.0, s.Served, 1));
    }

    [Fact]
    public void A_stage_in_two_steps_is_served_whole_when_only_its_first_steps_movements_call()
    {
        // RiLSA example 3's east stage: first the through with the left turn yielding (2-3 s), then the left turn
        // protected too (5-20 s). With calls on the east through only, the second step must still follow the first.
        var model = new IntersectionSignalModel(
            "rilsa-like",
            [new Movement("w", "west", TurnDirection.Straight, [0]), new Movement("e", "east", TurnDirection.Straight, [1]), new Movement("el", "east", TurnDirection.Left, [2])],
            new ConflictMatrix().AddFoes("w", "e").AddFoes("w", "el").AddYield("el", "w"),
            [TestModels.Phase("W", ["w"], [], 5, 30, 20), TestModels.Phase("E1", ["e"], ["el"], 2, 3, 2), TestModels.Phase("E2", ["e", "el"], [], 5, 20, 13)],
            new Dictionary<string, Intergreen> { ["w"] = new(3, 1), ["e"] = new(3, 1), ["el"] = new(3, 1) });
        var timings = new SignalTimings(model);
        Dictionary<string, MovementObservation> Calls(double t, SignalState _) => new()
        {
            ["w"] = new MovementObservation { Presence = true, QueueVehicles = 5 },
            ["e"] = new MovementObservation { Presence = true, QueueVehicles = 5 },
            ["el"] = new MovementObservation(),
        };

        var services = ControllerRun.Services(ControllerRun.Drive(timings, new ActuatedController(timings), Calls, 200));

        var afterE1 = services.Zip(services.Skip(1)).Where(p => p.First.Phase == "E1").Select(p => p.Second.Phase).ToList();
        Assert.NotEmpty(afterE1);
        Assert.All(afterE1, next => Assert.Equal("E2", next));
        Assert.All(services.Where(s => s.Phase == "E2").SkipLast(1), s => Assert.Equal(20.0, s.Served, 1));
    }
}
