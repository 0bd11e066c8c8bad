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
        // Maximum greens of 60 s leave the 30 s greens of the advised cycle room to come into step (at their maximum, a
        // phase that starts early also ends early, and the plan would stay out of step).
        var timings = new SignalTimings(TestModels.TwoPhase(max: 60));
        var controller = new FixedTimeController(timings);
        Assert.Equal(50.0, controller.NaturalCycleSeconds, 6);

        var advice = new CorridorAdvice("main", 70, 12, "A");
        var states = ControllerRun.Drive(timings, controller, (_, _) => new Dictionary<string, MovementObservation>(), 400, advice: advice);

        // Windows of 35 s (5 s transition + 30 s green); A's green starts at the offset, every 70 s. The first cycle
        // is spent getting there (the validator's minimum greens), from the second on A starts on time.
        var aStarts = ControllerRun.Services(states).Where(s => s.Phase == "A").Select(s => s.Start).ToList();
        Assert.Equal([82, 152, 222], aStarts.SkipWhile(t => t < 70).Take(3).Select(t => Math.Round(t, 1)));
    }

    [Fact]
    public void Keeps_in_step_with_the_programme_it_replays_green_at_each_cycle_start_and_transitions_before_the_next()
    {
        // The programme: A green 20 s, 5 s to B, B green 20 s, 5 s back (50 s). SUMO runs it from t = 0 with A's green
        // first; the replay must show the same greens at the same times, or a box keeping a city's clock runs 5 s out
        // of step with its neighbours (and every comparison with the programme compares a shifted copy).
        var timings = new SignalTimings(TestModels.TwoPhase());
        var states = ControllerRun.Drive(timings, new FixedTimeController(timings), (_, _) => new Dictionary<string, MovementObservation>(), 260);

        var services = ControllerRun.Services(states).Skip(1).Take(6).ToList();
        Assert.Equal([(25.0, "B"), (50, "A"), (75, "B"), (100, "A"), (125, "B"), (150, "A")], services.Select(s => (Math.Round(s.Start, 1), s.Phase)));
        Assert.All(services, s => Assert.Equal(20.0, s.Served, 0));
    }
}
