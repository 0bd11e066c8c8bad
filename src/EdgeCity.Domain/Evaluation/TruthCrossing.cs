using System.Text.Json.Serialization;

namespace EdgeCity.Domain.Evaluation;

/// <summary>
/// A vehicle crossing a count line in a ground-truth frame: the line id (as in the site's count lines), the vehicle
/// id, <c>"forward"</c> or <c>"backward"</c> (see <see cref="Counting.CrossingDirection"/>), its class and, optionally, its lane.
/// </summary>
public sealed record TruthCrossing
{
    [JsonPropertyName("line")]
    public string Line { get; init; } = string.Empty;

    [JsonPropertyName("vehicle")]
    public string Vehicle { get; init; } = string.Empty;

    [JsonPropertyName("direction")]
    public string Direction { get; init; } = "forward";

    [JsonPropertyName("class")]
    public string? Class { get; init; }

    /// <summary>The lane the vehicle crossed in, where the labeller noted it (hand counts of real footage do; the twin writes it in its vehicles).</summary>
    [JsonPropertyName("lane")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Lane { get; init; }
}
