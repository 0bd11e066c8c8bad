namespace EdgeCity.Domain.Sites;

/// <summary>The SUMO files of a site's digital twin, relative to the site file.</summary>
public sealed record TwinDefinition
{
    /// <summary>The network, a <c>.net.xml</c>.</summary>
    public string Net { get; init; } = string.Empty;

    public IReadOnlyList<string> Routes { get; init; } = [];

    public IReadOnlyList<string> Additional { get; init; } = [];

    /// <summary>Seconds per simulation step (one rendered frame per step at real time).</summary>
    public double StepLength { get; init; } = 0.1;

    public double Begin { get; init; }

    /// <summary>End of the scenario in seconds; 0 means run while vehicles remain.</summary>
    public double End { get; init; }

    public int Seed { get; init; } = 42;
}
