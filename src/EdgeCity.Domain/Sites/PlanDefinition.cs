namespace EdgeCity.Domain.Sites;

/// <summary>A timing plan: cycle, offset in the corridor, and each phase's green with its bounds.</summary>
public sealed record PlanDefinition
{
    /// <summary>The SUMO program id the plan's phases refer to (the network's first when null).</summary>
    public string? Program { get; init; }

    public double CycleSeconds { get; init; }

    public double OffsetSeconds { get; init; }

    public IReadOnlyList<PlanPhaseDefinition> Phases { get; init; } = [];
}
