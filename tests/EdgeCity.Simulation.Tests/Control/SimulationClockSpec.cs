using EdgeCity.Simulation.Control;

namespace EdgeCity.Simulation.Tests.Control;

public sealed class SimulationClockSpec
{
    private static readonly DateTimeOffset Epoch = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Time_stands_still_between_steps_and_follows_the_simulation()
    {
        var clock = new SimulationClock(Epoch);
        Assert.Equal(Epoch, clock.GetUtcNow());

        clock.AdvanceTo(12.5);

        Assert.Equal(Epoch.AddSeconds(12.5), clock.GetUtcNow());
        Assert.Equal(TimeSpan.FromSeconds(12.5), clock.GetElapsedTime(0));
    }

    [Fact]
    public void A_periodic_timer_fires_once_per_period_of_simulated_time()
    {
        var clock = new SimulationClock(Epoch);
        var fired = new List<double>();
        using var timer = clock.CreateTimer(_ => fired.Add(clock.Seconds), null, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100));

        for (var step = 1; step <= 10; step++)
        {
            clock.AdvanceTo(step * 0.1);
        }

        Assert.Equal(10, fired.Count);
        timer.Dispose();
        clock.AdvanceTo(5);
        Assert.Equal(10, fired.Count);
    }

    [Fact]
    public void A_long_step_fires_a_late_timer_once_rather_than_a_burst()
    {
        var clock = new SimulationClock(Epoch);
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100));

        clock.AdvanceTo(1.0);

        Assert.Equal(1, fired);
    }
}
