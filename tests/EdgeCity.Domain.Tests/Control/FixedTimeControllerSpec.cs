using EdgeCity.Domain.Control;
using EdgeCity.Domain.Control.Controllers;

namespace EdgeCity.Domain.Tests.Control;

public sealed class FixedTimeControllerSpec
{
    [Fact]
    public void Serves_each_phase_its_default_green_in_program_order()
    {
        var timings = TestModels.CrossTimings();
        var states = ControllerRun.Drive(timings, new FixedTimeController(timings), (_, _) => new Dictionary<string, MovementObservation>(), 300);

        var services = ControllerRun.Services(states).Skip(1).Take(8).ToList();
        Assert.Equal(["NSL", "EW", "EWL", "NS", "NSL", "EW", "EWL", "NS"], services.Select(s => s.Phase));
        Assert.All(services.Take(7), s => Assert.Equal(s.Phase is "NS" or "EW" ? 25.0 : 8.0, s.Served, 0));
    }

    [Fact]
    public void Follows_a_corridor_cycle_and_offset_when_advised()
    {
        var timings = new SignalTimings(TestModels.TwoPhase());
        var controller = new FixedTimeController(timings);
        Assert.Equal(50.0, controller.NaturalCycleSeconds, 6);

        var advice = new CorridorAdvice("main", 70, 12, "A");
        var states = ControllerRun.Drive(timings, controller, (_, _) => new Dictionary<string, MovementObservation>(), 400, advice: advice);

        // Windows of 35 s (5 s transition + 30 s green); A's window opens at the offset, every 70 s. The first cycle
        // is spent getting there (the validator's minimum greens), from the second on A starts on time.
        var aStarts = ControllerRun.Services(states).Where(s => s.Phase == "A").Select(s => s.Start).Skip(2).Take(3).ToList();
        Assert.Equal([82 + 5, 152 + 5, 222 + 5], aStarts.Select(t => Math.Round(t, 1)));
    }
}
