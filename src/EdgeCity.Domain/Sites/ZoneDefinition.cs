namespace EdgeCity.Domain.Sites;

/// <summary>A lane zone: a polygon in image pixels covering one lane, for queue and occupancy measures.</summary>
public sealed record ZoneDefinition
{
    public string Id { get; init; } = string.Empty;

    /// <summary>The lane it covers (the SUMO lane id in a twin).</summary>
    public string Lane { get; init; } = string.Empty;

    public IReadOnlyList<IReadOnlyList<double>> Polygon { get; init; } = [];
}
