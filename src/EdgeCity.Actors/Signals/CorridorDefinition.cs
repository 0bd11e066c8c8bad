namespace EdgeCity.Actors.Signals;

/// <summary>A corridor for a green wave: its members in travel order and the progression speed in m/s.</summary>
public sealed record CorridorDefinition(string Id, IReadOnlyList<CorridorMember> Members, double ProgressionSpeedMetersPerSecond)
{
    public double MinCycleSeconds { get; init; } = 40;

    public double MaxCycleSeconds { get; init; } = 150;

    /// <summary>How long one piece of advice holds; it is re-sent at half this period.</summary>
    public TimeSpan AdviceValidFor { get; init; } = TimeSpan.FromMinutes(5);
}
