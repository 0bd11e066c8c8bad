namespace EdgeCity.Domain.Sites;

/// <summary>
/// A directed count line in image pixels, from <see cref="From"/> to <see cref="To"/>. A vehicle crossing it from the
/// line's right-hand side to its left-hand side (as seen walking from From to To in image coordinates) counts as "in".
/// <see cref="In"/> and <see cref="Out"/> name the two directions as the site says them ("northbound"), so a count
/// report never leaves anyone guessing which way is which.
/// </summary>
public sealed record CountLineDefinition
{
    public string Id { get; init; } = string.Empty;

    public string Approach { get; init; } = string.Empty;

    public IReadOnlyList<double> From { get; init; } = [];

    public IReadOnlyList<double> To { get; init; } = [];

    /// <summary>What "in" means on the street (for example "northbound", "towards the city"); null: "in".</summary>
    public string? In { get; init; }

    /// <summary>What "out" means on the street; null: "out".</summary>
    public string? Out { get; init; }

    /// <summary>
    /// Which point of a vehicle's box must cross the line: <c>bottom-centre</c> (where it meets the road, the default),
    /// <c>centre</c> (for cameras looking straight down) or <c>top-centre</c>. See <see cref="CountLineAnchors"/>.
    /// </summary>
    public string? Anchor { get; init; }

    /// <summary>The name of the "in" (true) or "out" (false) direction of this line.</summary>
    public string DirectionName(bool inward) => inward ? In ?? "in" : Out ?? "out";
}
