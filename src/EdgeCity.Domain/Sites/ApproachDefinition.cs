namespace EdgeCity.Domain.Sites;

/// <summary>One arm of an intersection on which traffic arrives.</summary>
public sealed record ApproachDefinition
{
    public string Id { get; init; } = string.Empty;

    public string? Name { get; init; }

    /// <summary>Number of incoming lanes at the stop line.</summary>
    public int Lanes { get; init; } = 1;
}
