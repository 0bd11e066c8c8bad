namespace EdgeCity.Domain.Sites;

/// <summary>A signalised intersection as the site file describes it.</summary>
public sealed record IntersectionDefinition
{
    public string Id { get; init; } = string.Empty;

    public string? Name { get; init; }

    /// <summary>Which controller decides this intersection's timing (for example <c>fixed</c>).</summary>
    public string Controller { get; init; } = "fixed";

    /// <summary>The traffic light's id in the SUMO twin (a tlLogic id); null when the site has no twin.</summary>
    public string? SumoTls { get; init; }

    /// <summary>The timing plan the controller starts from; null means the signal program's own.</summary>
    public PlanDefinition? Plan { get; init; }

    public IReadOnlyList<ApproachDefinition> Approaches { get; init; } = [];
}
