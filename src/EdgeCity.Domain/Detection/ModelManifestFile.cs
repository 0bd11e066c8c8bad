using System.Text.Json;
using System.Text.Json.Serialization;

namespace EdgeCity.Domain.Detection;

/// <summary>Reads <c>models/&lt;name&gt;.json</c> and checks it on its own (layout, input, classes); the ONNX file is checked later against it.</summary>
public static class ModelManifestFile
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Path of the manifest for model <paramref name="name"/> in <paramref name="modelsDirectory"/>.</summary>
    public static string PathOf(string modelsDirectory, string name) => System.IO.Path.Combine(modelsDirectory, name + ".json");

    /// <summary>Loads and checks a manifest; throws <see cref="ModelManifestException"/> naming the file and field.</summary>
    public static ModelManifest Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ModelManifestException($"model manifest not found: {System.IO.Path.GetFullPath(path)}");
        }

        var name = System.IO.Path.GetFileNameWithoutExtension(path);
        return Parse(File.ReadAllText(path), name, path);
    }

    /// <summary>Parses and checks manifest JSON; <paramref name="source"/> names the file in errors.</summary>
    public static ModelManifest Parse(string json, string name, string source)
    {
        ModelManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ModelManifest>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new ModelManifestException($"{source}: {ex.Path ?? "$"}: {Sites.JsonErrorText.Of(ex)}");
        }

        if (manifest is null)
        {
            throw new ModelManifestException($"{source}: the file is empty or null");
        }

        manifest = manifest with { Name = name };
        var problem = Check(manifest);
        return problem is null ? manifest : throw new ModelManifestException($"{source}: {problem}");
    }

    private static string? Check(ModelManifest m)
    {
        if (string.IsNullOrWhiteSpace(m.File))
        {
            return "$.file: the ONNX file is required";
        }

        if (m.Input.Width <= 0 || m.Input.Height <= 0)
        {
            return $"$.input: width and height must be positive (got {m.Input.Width}x{m.Input.Height})";
        }

        if (string.IsNullOrWhiteSpace(m.Input.Name))
        {
            return "$.input.name: the input tensor name is required";
        }

        if (m.Input.Scale <= 0)
        {
            return $"$.input.scale: must be positive (got {m.Input.Scale})";
        }

        if (m.Input.Mean.Count is not (0 or 3))
        {
            return $"$.input.mean: one value per channel (3) or none (got {m.Input.Mean.Count})";
        }

        if (m.Input.Std.Count is not (0 or 3) || m.Input.Std.Any(v => v <= 0))
        {
            return $"$.input.std: three positive values or none (got [{string.Join(", ", m.Input.Std)}])";
        }

        if (m.Classes.Count == 0)
        {
            return "$.classes: at least one class is required";
        }

        var unknown = m.TrafficClasses.Count > 0 ? null : m.VehicleClasses.FirstOrDefault(v => !m.Classes.Contains(v, StringComparer.Ordinal));
        if (unknown is not null)
        {
            return $"$.vehicleClasses: '{unknown}' is not one of the model's classes";
        }

        if (m.ScoreThreshold is <= 0 or >= 1)
        {
            return $"$.scoreThreshold: must be in (0, 1) (got {m.ScoreThreshold})";
        }

        if (m.IouThreshold is <= 0 or > 1)
        {
            return $"$.iouThreshold: must be in (0, 1] (got {m.IouThreshold})";
        }

        if (m.CrossClassIouThreshold is <= 0 or > 1.01f)
        {
            return $"$.crossClassIouThreshold: must be in (0, 1], or just above 1 to keep every class apart (got {m.CrossClassIouThreshold})";
        }

        if (m.MaxDetections <= 0)
        {
            return $"$.maxDetections: must be positive (got {m.MaxDetections})";
        }

        if (m.Tracking is null)
        {
            return "$.tracking: must be an object { high, low, new } (or absent)";
        }

        var t = m.Tracking;
        if (t.Low is < 0 or > 1 || t.High is < 0 or > 1 || t.New is < 0 or > 1 || t.Low > t.High)
        {
            return $"$.tracking: thresholds must satisfy 0 ≤ low ≤ high ≤ 1 and 0 ≤ new ≤ 1 (got low {t.Low}, high {t.High}, new {t.New})";
        }

        var unmapped = m.TrafficClasses.Keys.FirstOrDefault(k => !m.Classes.Contains(k, StringComparer.Ordinal));
        if (unmapped is not null)
        {
            return $"$.trafficClasses: '{unmapped}' is not one of the model's classes";
        }

        if (m.TrafficClasses.Count > 0)
        {
            var reported = m.TrafficClasses.Values.Where(v => v.Length > 0).ToHashSet(StringComparer.Ordinal);
            var notReported = m.VehicleClasses.FirstOrDefault(v => !reported.Contains(v));
            if (notReported is not null)
            {
                return $"$.vehicleClasses: '{notReported}' is not a traffic class the model reports (trafficClasses maps to: {string.Join(", ", reported.Order(StringComparer.Ordinal))})";
            }
        }

        if (m.Layout == ModelLayout.NanoDet)
        {
            if (m.DistributionBins < 2)
            {
                return $"$.distributionBins: must be at least 2 (got {m.DistributionBins})";
            }

            if (m.Output.Length > 0)
            {
                return "$.output: layout nanoDet reads cls_pred_stride_S and dis_pred_stride_S per stride; leave output empty";
            }
        }

        if (m.Layout is ModelLayout.Yolox or ModelLayout.NanoDet)
        {
            var bad = m.Strides.FirstOrDefault(s => s <= 0 || m.Input.Width % s != 0 || m.Input.Height % s != 0);
            if (m.Strides.Count == 0 || bad != 0)
            {
                return $"$.strides: every stride must divide the input size {m.Input.Width}x{m.Input.Height} (got [{string.Join(", ", m.Strides)}])";
            }
        }

        if (m.Sha256.Length is not (0 or 64) || !m.Sha256.All(Uri.IsHexDigit))
        {
            return "$.sha256: must be 64 hex digits (or absent)";
        }

        return null;
    }
}
