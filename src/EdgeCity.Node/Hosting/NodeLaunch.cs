using EdgeCity.Domain.Sites;

namespace EdgeCity.Node.Hosting;

/// <summary>What the CLI asks the host to run: which verb, the site (if any), and overrides from the command line.</summary>
public sealed record NodeLaunch
{
    /// <summary>The CLI verb that started the node, shown on the start page.</summary>
    public string Mode { get; init; } = "run";

    public SiteDefinition? Site { get; init; }

    public string? SitePath { get; init; }

    /// <summary>Overrides <c>EdgeCity:Http:Urls</c> (tests use port 0).</summary>
    public string? HttpUrls { get; init; }

    /// <summary>Overrides <c>EdgeCity:Cluster:Port</c> (the demo and tests use 0).</summary>
    public int? ClusterPort { get; init; }

    /// <summary>Overrides the site's controller for every intersection (the demo's <c>--controller</c>).</summary>
    public string? Controller { get; init; }

    /// <summary>Measure through the camera path instead of detectors (the demo's <c>--measure cameras</c>, its default).</summary>
    public bool Cameras { get; init; }

    /// <summary>Extra command-line style arguments passed to the ASP.NET configuration.</summary>
    public string[] Args { get; init; } = [];
}
