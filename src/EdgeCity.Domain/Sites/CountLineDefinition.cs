namespace EdgeCity.Domain.Sites;

/// <summary>
/// A directed count line in image pixels, from <see cref="From"/> to <see cref="To"/>. A vehicle crossing it from the
/// line's right-hand side to its left-hand side (as seen walking from From to To in image coordinates) counts as "in".
/// </summary>
public sealed record CountLineDefinition
{
    public string Id { get; init; } = string.Empty;

    public string Approach { get; init; } = string.Empty;

    public IReadOnlyList<double> From { get; init; } = [];

    public IReadOnlyList<double> To { get; init; } = [];
}
