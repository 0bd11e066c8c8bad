namespace EdgeCity.Domain.Sites;

/// <summary>
/// A corridor for a green wave, as the site file names it: its intersections in travel order with their distance along
/// it, the progression speed, and the bounds of the common cycle. The cluster's corridor singleton turns it into
/// advice (a common cycle and an offset per intersection) that coordinators on any box may take; none depends on it.
/// </summary>
public sealed record CorridorDefinition
{
    public string Id { get; init; } = string.Empty;

    /// <summary>Progression speed of the wave, km/h.</summary>
    public double SpeedKmh { get; init; } = 50;

    public double MinCycleSeconds { get; init; } = 40;

    public double MaxCycleSeconds { get; init; } = 150;

    /// <summary>How long one piece of advice holds; the singleton re-sends it at half this period.</summary>
    public double AdviceSeconds { get; init; } = 300;

    public IReadOnlyList<CorridorMemberDefinition> Members { get; init; } = [];

    public double SpeedMetersPerSecond => SpeedKmh / 3.6;
}
