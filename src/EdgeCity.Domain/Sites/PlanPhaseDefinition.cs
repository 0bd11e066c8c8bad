namespace EdgeCity.Domain.Sites;

/// <summary>One phase of a plan: its id in the signal model, green time and green bounds in seconds.</summary>
public sealed record PlanPhaseDefinition
{
    public string Id { get; init; } = string.Empty;

    public double GreenSeconds { get; init; }

    public double MinGreenSeconds { get; init; } = 5;

    public double MaxGreenSeconds { get; init; } = 60;
}
