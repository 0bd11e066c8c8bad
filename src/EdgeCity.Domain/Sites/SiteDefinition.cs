namespace EdgeCity.Domain.Sites;

/// <summary>One site file: the intersections a box (or a cluster of boxes) controls and the cameras that watch them.</summary>
public sealed record SiteDefinition
{
    /// <summary>Short name of the site, used in logs and metrics.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>
    /// The IANA time zone the site keeps its clocks in (for example <c>Europe/Rome</c>): operators read times in it on
    /// the dashboard and triage page. Records and the API stay in UTC. Null means UTC.
    /// </summary>
    public string? TimeZone { get; init; }

    /// <summary>The SUMO twin of the site, when it has one.</summary>
    public TwinDefinition? Twin { get; init; }

    public IReadOnlyList<IntersectionDefinition> Intersections { get; init; } = [];

    public IReadOnlyList<CameraDefinition> Cameras { get; init; } = [];

    /// <summary>Green-wave corridors through the site's intersections (advice only: every intersection stays safe on its own).</summary>
    public IReadOnlyList<CorridorDefinition> Corridors { get; init; } = [];

    /// <summary>Disaster-site assessment on this box (imagery into findings), when the site is one.</summary>
    public AssessmentDefinition? Assessment { get; init; }
}
