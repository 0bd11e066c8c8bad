namespace EdgeCity.Domain.Sites;

/// <summary>One problem in a site file, with the JSON path of the offending field.</summary>
public sealed record SiteError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
