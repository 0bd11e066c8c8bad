using System.Text.Json;
using System.Text.Json.Serialization;

namespace EdgeCity.Domain.Sites;

/// <summary>Reads a site file from JSON and validates it, turning every problem into a <see cref="SiteError"/> that names the field.</summary>
public static class SiteFile
{
    /// <summary>Options shared by every reader of site files: camelCase, comments allowed, unknown fields rejected (a typo must not be ignored).</summary>
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Parses and validates a site from JSON text; <paramref name="source"/> names the file in errors.</summary>
    public static SiteLoadResult Parse(string json, string source)
    {
        SiteDefinition? site;
        try
        {
            site = JsonSerializer.Deserialize<SiteDefinition>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            var where = ex.Path ?? "$";
            var line = ex.LineNumber is { } l ? $" (line {l + 1}, byte {ex.BytePositionInLine + 1})" : string.Empty;
            return SiteLoadResult.Failed(source, new SiteError(where, $"{JsonErrorText.Of(ex)}{line}"));
        }

        if (site is null)
        {
            return SiteLoadResult.Failed(source, new SiteError("$", "the file is empty or null"));
        }

        // A camera that names no model gets the default for its kind of site (twin frames or real streets).
        site = site with { Cameras = site.Cameras.Select(c => c.Model.Length > 0 ? c : c with { Model = DefaultDetectors.For(site) }).ToList() };
        var errors = SiteValidator.Validate(site);
        return errors.Count == 0 ? SiteLoadResult.Ok(source, site) : new SiteLoadResult(source, null, errors);
    }

    /// <summary>Reads, parses and validates a site file from disk.</summary>
    public static SiteLoadResult Load(string path)
    {
        if (!File.Exists(path))
        {
            return SiteLoadResult.Failed(path, new SiteError("$", $"site file not found: {Path.GetFullPath(path)}"));
        }

        var result = Parse(File.ReadAllText(path), path);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        result = WithClipsBesideTheSite(result, folder);
        if (result.Site?.Assessment is { Inbox.Length: > 0 } assessment && !Path.IsPathRooted(assessment.Inbox))
        {
            // The inbox is beside the site file, wherever the node is started.
            result = result with { Site = result.Site with { Assessment = assessment with { Inbox = Path.Combine(folder, assessment.Inbox) } } };
        }

        if (result.Site?.Assessment is { Cameras.Count: > 0 } withCameras)
        {
            // A camera that is a recorded clip beside the site file is read from there, as traffic cameras' clips are.
            var cameras = withCameras.Cameras.Select(c => c.Source.Length > 0 && !c.Source.Contains("://", StringComparison.Ordinal) && !Path.IsPathRooted(c.Source) && File.Exists(Path.Combine(folder, c.Source))
                ? c with { Source = Path.Combine(folder, c.Source) }
                : c).ToList();
            result = result with { Site = result.Site with { Assessment = withCameras with { Cameras = cameras } } };
        }

        return result.Site?.Twin is { } twin ? WithTwinFiles(result, twin, folder) : result;
    }

    /// <summary>
    /// A camera whose source is a relative path to a file beside the site file (a recorded clip) reads that file from
    /// wherever the node is started, as the twin's files are; URLs, devices and other names are left as written.
    /// </summary>
    private static SiteLoadResult WithClipsBesideTheSite(SiteLoadResult result, string folder)
    {
        if (result.Site is not { } site)
        {
            return result;
        }

        var cameras = site.Cameras.Select(c =>
            c.Source.Length > 0 && !c.Source.Contains("://", StringComparison.Ordinal) && !Path.IsPathRooted(c.Source) && File.Exists(Path.Combine(folder, c.Source))
                ? c with { Source = Path.Combine(folder, c.Source) }
                : c).ToList();
        return result with { Site = site with { Cameras = cameras } };
    }

    /// <summary>The twin's network and routes are read relative to the site file: a name that is not there is an error now, not at start-up.</summary>
    private static SiteLoadResult WithTwinFiles(SiteLoadResult result, TwinDefinition twin, string folder)
    {
        var missing = new List<SiteError>();
        void Check(string field, string file)
        {
            if (!string.IsNullOrWhiteSpace(file) && !File.Exists(Path.Combine(folder, file)))
            {
                missing.Add(new SiteError(field, $"{Path.Combine(folder, file)}: no such file"));
            }
        }

        Check("$.twin.net", twin.Net);
        for (var i = 0; i < twin.Routes.Count; i++)
        {
            Check($"$.twin.routes[{i}]", twin.Routes[i]);
        }

        return missing.Count == 0 ? result : new SiteLoadResult(result.Source, null, [.. result.Errors, .. missing]);
    }
}
