namespace EdgeCity.Domain.Sites;

/// <summary>One site file: the intersections a box (or a cluster of boxes) controls and the cameras that watch them.</summary>
public sealed record SiteDefinition
{
    /// <summary>Short name of the site, used in logs and metrics.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The SUMO twin of the site, when it has one.</summary>
    public TwinDefinition? Twin { get; init; }

    public IReadOnlyList<IntersectionDefinition> Intersections { get; init; } = [];

    public IReadOnlyList<CameraDefinition> Cameras { get; init; } = [];

    /// <summary>Disaster-site assessment on this box (imagery into findings), when the site is one.</summary>
    public AssessmentDefinition? Assessment { get; init; }
}
