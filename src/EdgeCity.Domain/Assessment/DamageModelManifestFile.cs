using System.Text.Json;
using System.Text.Json.Serialization;

namespace EdgeCity.Domain.Assessment;

/// <summary>Reads and checks a damage model's manifest; every problem names the file and the field.</summary>
public static class DamageModelManifestFile
{
    public const string Layout = "tileClassification";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Whether the manifest JSON declares the tile-classification layout (so tools that list models tell the kinds apart).</summary>
    public static bool IsDamageManifest(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("layout", out var l) && l.ValueKind == JsonValueKind.String && l.GetString() == Layout;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public static DamageModelManifest Load(string modelsDirectory, string name)
    {
        var path = Path.Combine(modelsDirectory, name + ".json");
        if (!System.IO.File.Exists(path))
        {
            throw new FormatException($"damage model manifest not found: {Path.GetFullPath(path)}");
        }

        return Parse(System.IO.File.ReadAllText(path), name, path);
    }

    public static DamageModelManifest Parse(string json, string name, string source)
    {
        DamageModelManifest? m;
        try
        {
            m = JsonSerializer.Deserialize<DamageModelManifest>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{source}: {e.Path ?? "$"}: {Sites.JsonErrorText.Of(e)}", e);
        }

        m = (m ?? throw new FormatException($"{source}: the file is empty")) with { Name = name };
        var problem = Check(m);
        return problem is null ? m : throw new FormatException($"{source}: {problem}");
    }

    /// <summary>What a mapped class is as a finding: <c>damaged-building/&lt;grade&gt;</c> or <c>blocked-road</c>.</summary>
    public static (FindingKind Kind, DamageGrade? Grade)? FindingOf(string mapping)
    {
        var parts = mapping.Split('/');
        var kind = FindingKinds.Parse(parts[0]);
        if (kind == FindingKind.DamagedBuilding && parts.Length == 2)
        {
            var grade = Enum.GetValues<DamageGrade>().Cast<DamageGrade?>().FirstOrDefault(g => FindingKinds.Name(g!.Value) == parts[1]);
            return grade is null ? null : (FindingKind.DamagedBuilding, grade);
        }

        return kind is { } k && k != FindingKind.DamagedBuilding && parts.Length == 1 ? (k, null) : null;
    }

    private static string? Check(DamageModelManifest m)
    {
        if (m.Layout != Layout)
        {
            return $"$.layout: '{m.Layout}' is not '{Layout}'";
        }

        if (string.IsNullOrWhiteSpace(m.File))
        {
            return "$.file: is required (the ONNX file beside the manifest)";
        }

        if (string.IsNullOrWhiteSpace(m.Input.Name) || m.Input.Width < 8 || m.Input.Height < 8)
        {
            return $"$.input: needs a name and a width and height of at least 8 (was '{m.Input.Name}' {m.Input.Width}x{m.Input.Height})";
        }

        if (m.Input.Color is not ("rgb" or "bgr"))
        {
            return $"$.input.color: '{m.Input.Color}' is not rgb or bgr";
        }

        if (m.Output is not ("probabilities" or "logits"))
        {
            return $"$.output: '{m.Output}' is not probabilities or logits";
        }

        if (m.Classes.Count < 2)
        {
            return "$.classes: at least two classes are needed";
        }

        if (m.TilePixels < 8)
        {
            return $"$.tilePixels: must be at least 8, was {m.TilePixels}";
        }

        if (m.MinConfidence is < 0 or > 1)
        {
            return $"$.minConfidence: must be within 0..1, was {m.MinConfidence}";
        }

        foreach (var (cls, finding) in m.Findings)
        {
            if (!m.Classes.Contains(cls))
            {
                return $"$.findings: '{cls}' is not one of the classes";
            }

            if (FindingOf(finding) is null)
            {
                return $"$.findings.{cls}: '{finding}' is not damaged-building/<no-damage|minor-damage|major-damage|destroyed> or blocked-road";
            }
        }

        return m.Findings.Count == 0 ? "$.findings: no class is a finding" : null;
    }
}
