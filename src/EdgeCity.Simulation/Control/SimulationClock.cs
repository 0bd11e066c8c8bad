namespace EdgeCity.Simulation.Control;

/// <summary>
/// A <see cref="TimeProvider"/> driven by SUMO's clock: time stands still between steps and the simulation loop moves
/// it with <see cref="AdvanceTo"/>, which fires every timer that fell due. Coordinators ticking on it decide at the
/// simulation's pace, however fast or slow SUMO runs.
/// </summary>
public sealed class SimulationClock(DateTimeOffset epoch) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<SimulationTimer> _timers = [];
    private double _seconds;

    public DateTimeOffset Epoch { get; } = epoch;

    /// <summary>Simulation seconds now.</summary>
    public double Seconds
    {
        get
        {
            lock (_gate)
            {
                return _seconds;
            }
        }
    }

    public override DateTimeOffset GetUtcNow() => Epoch + TimeSpan.FromSeconds(Seconds);

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => (long)(Seconds * TimeSpan.TicksPerSecond);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new SimulationTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock to <paramref name="seconds"/> (never back) and runs the timers that fell due, in time order.</summary>
    public void AdvanceTo(double seconds)
    {
        lock (_gate)
        {
            _seconds = Math.Max(_seconds, seconds);
        }

        while (true)
        {
            SimulationTimer? due;
            lock (_gate)
            {
                due = _timers.Where(t => t.DueAt <= _seconds + 1e-9).MinBy(t => t.DueAt);
                if (due is null)
                {
                    return;
                }

                // A timer that fell behind (a long step) fires once and resumes a period after now, never in a burst.
                var next = due.DueAt + due.PeriodSeconds;
                due.DueAt = due.PeriodSeconds <= 0 ? double.PositiveInfinity : next > _seconds + 1e-9 ? next : _seconds + due.PeriodSeconds;
                if (double.IsPositiveInfinity(due.DueAt))
                {
                    _timers.Remove(due);
                }
            }

            due.Fire();
        }
    }

    private void Schedule(SimulationTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return;
            }

            timer.DueAt = _seconds + dueTime.TotalSeconds;
            timer.PeriodSeconds = period == Timeout.InfiniteTimeSpan ? 0 : period.TotalSeconds;
            _timers.Add(timer);
        }
    }

    private void Remove(SimulationTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class SimulationTimer(SimulationClock clock, TimerCallback callback, object? state) : ITimer
    {
        public double DueAt { get; set; }

        public double PeriodSeconds { get; set; }

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            clock.Schedule(this, dueTime, period);
            return true;
        }

        public void Dispose() => clock.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
