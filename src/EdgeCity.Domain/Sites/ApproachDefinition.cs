namespace EdgeCity.Domain.Sites;

/// <summary>One arm of an intersection on which traffic arrives.</summary>
public sealed record ApproachDefinition
{
    public string Id { get; init; } = string.Empty;

    public string? Name { get; init; }

    /// <summary>Number of incoming lanes at the stop line.</summary>
    public int Lanes { get; init; } = 1;

    /// <summary>The SUMO edges of this approach in the twin, nearest the stop line first.</summary>
    public IReadOnlyList<string> SumoEdges { get; init; } = [];

    /// <summary>The SUMO lanes at the stop line, right-most first.</summary>
    public IReadOnlyList<string> SumoLanes { get; init; } = [];
}
