using System.Text.Json.Serialization;

namespace EdgeCity.Domain.Evaluation;

/// <summary>
/// A vehicle crossing a count line in a ground-truth frame: the line id (as in the site's count lines), the vehicle
/// id, <c>"forward"</c> or <c>"backward"</c> (see <see cref="Counting.CrossingDirection"/>), and its class.
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
}
