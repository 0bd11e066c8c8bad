namespace EdgeCity.Domain.Sites;

/// <summary>A signalised intersection as the site file describes it.</summary>
public sealed record IntersectionDefinition
{
    public string Id { get; init; } = string.Empty;

    public string? Name { get; init; }

    /// <summary>Which controller decides this intersection's timing (for example <c>fixed</c>).</summary>
    public string Controller { get; init; } = "fixed";

    public IReadOnlyList<ApproachDefinition> Approaches { get; init; } = [];
}
