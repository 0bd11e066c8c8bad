namespace EdgeCity.Domain.Control.Controllers;

/// <summary>Settings of the schedule-driven controller.</summary>
public sealed record ScheduleSettings
{
    /// <summary>How far ahead the schedule is planned, in seconds.</summary>
    public double HorizonSeconds { get; init; } = 60.0;

    /// <summary>Time step of the planning model, in seconds.</summary>
    public double StepSeconds { get; init; } = 1.0;

    /// <summary>The plan is recomputed at most this often (rolling horizon), in seconds.</summary>
    public double ReplanSeconds { get; init; } = 1.0;

    /// <summary>Time lost before a standing queue starts to move when its green begins.</summary>
    public double StartupLostSeconds { get; init; } = 2.0;

    /// <summary>Discharge rate of a permissive green relative to a protected one (it yields to foes).</summary>
    public double PermissiveRateFactor { get; init; } = 0.5;

    /// <summary>Arrivals closer together than this belong to one cluster (job); a green is kept for the rest of a cluster.</summary>
    public double ClusterGapSeconds { get; init; } = 2.5;

    /// <summary>
    /// A movement with a call kept red this long is served next, whatever the plan says: the guard against starving a
    /// movement whose demand the model underrates (a stuck detector, a queue that never seems to shrink).
    /// </summary>
    public double MaxWaitSeconds { get; init; } = 120.0;

    /// <summary>
    /// The max wait of a movement is the longest red the programme gives it (no one waits longer than under the
    /// programme replaced), within this floor and <see cref="MaxWaitSeconds"/>.
    /// </summary>
    public double MinMaxWaitSeconds { get; init; } = 30.0;

    /// <summary>
    /// Keep the program's clock (its cycle and phase windows, or a corridor's advised cycle and offset) instead of
    /// planning: for closely spaced junctions, where a green fills the short link to the next junction before that
    /// junction's own green unless both run on one clock, and local plans spill back into each other.
    /// </summary>
    public bool FollowProgramClock { get; init; }

    /// <summary>
    /// Change phases in the programme's order, skipping a phase no one waits for; the plan decides only when to change.
    /// Its estimate of what follows still serves the phase with most demand next: an estimate in programme order rated a
    /// short bridging step (RiLSA example 2's 2 s left-turn step) as the only way on and held the main road for a minute.
    /// </summary>
    public bool ProgrammeOrder { get; init; }

    /// <summary>Delay charged per vehicle still queued at the end of the horizon (it waits at least this much more).</summary>
    public double ResidualDelaySeconds { get; init; } = 20.0;
}
