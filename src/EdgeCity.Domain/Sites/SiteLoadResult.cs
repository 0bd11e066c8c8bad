namespace EdgeCity.Domain.Sites;

/// <summary>The outcome of reading a site file: the site, or the errors that name what is wrong and where.</summary>
public sealed record SiteLoadResult(string Source, SiteDefinition? Site, IReadOnlyList<SiteError> Errors)
{
    public bool IsValid => Site is not null && Errors.Count == 0;

    public static SiteLoadResult Ok(string source, SiteDefinition site) => new(source, site, []);

    public static SiteLoadResult Failed(string source, SiteError error) => new(source, null, [error]);

    /// <summary>All errors as one message, one line each, prefixed with the file.</summary>
    public string Describe() => IsValid
        ? $"{Source}: ok"
        : string.Join(Environment.NewLine, Errors.Select(e => $"{Source}: {e}"));
}
