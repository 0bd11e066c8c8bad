using System.Text.Json;

namespace EdgeCity.Domain.Assessment;

/// <summary>
/// <c>models/&lt;name&gt;.json</c> of a tile classifier for damage (layout <c>tileClassification</c>): the ONNX file and its
/// checksum, the input, the classes the output scores, and which classes are findings of which kind and grade
/// (<c>"major-damage": "damaged-building/major-damage"</c>, <c>"blocked-road": "blocked-road"</c>; unmapped classes such
/// as background are none). The image is cut into tiles of <see cref="TilePixels"/> source pixels, each scored.
/// </summary>
public sealed record DamageModelManifest
{
    /// <summary>The manifest's file name without .json (set when read).</summary>
    public string Name { get; init; } = string.Empty;

    public string File { get; init; } = string.Empty;

    public string Layout { get; init; } = string.Empty;

    public DamageModelInput Input { get; init; } = new();

    /// <summary><c>probabilities</c> (softmax inside the graph) or <c>logits</c> (softmax applied here).</summary>
    public string Output { get; init; } = "probabilities";

    public IReadOnlyList<string> Classes { get; init; } = [];

    /// <summary>Class → finding: <c>damaged-building/&lt;grade&gt;</c> or <c>blocked-road</c>.</summary>
    public IReadOnlyDictionary<string, string> Findings { get; init; } = new Dictionary<string, string>();

    /// <summary>Source pixels per classified tile (a tile is resized to the input).</summary>
    public int TilePixels { get; init; }

    /// <summary>A tile is a finding when its class scores at least this.</summary>
    public double MinConfidence { get; init; } = 0.5;

    /// <summary>True for a model trained on made-up imagery: a site replaces it with its own.</summary>
    public bool Demonstration { get; init; }

    public string Licence { get; init; } = string.Empty;

    public string Sha256 { get; init; } = string.Empty;

    /// <summary>How it was trained (data, time, machine, held-out figures), as the recipe wrote it.</summary>
    public JsonElement? Training { get; init; }
}
