namespace EdgeCity.Domain.Sites;

/// <summary>Another box of the site: its node name and the base URL of its API (http(s)://host:port).</summary>
public sealed record AssessmentPeerDefinition
{
    public string Name { get; init; } = string.Empty;

    public string Url { get; init; } = string.Empty;
}
