namespace EdgeCity.Domain.Sites;

/// <summary>
/// The command post findings are forwarded to: the base URL of its EdgeCity API, and which box forwards (one box
/// forwards everything it holds, so a thin link carries each finding once; empty: every box forwards its own findings).
/// </summary>
public sealed record CommandPostDefinition
{
    public string Url { get; init; } = string.Empty;

    public string ForwardedBy { get; init; } = string.Empty;
}
