using System.Text.Json.Serialization;

namespace EdgeCity.Domain.Evaluation;

/// <summary>
/// The true queue of one lane at a ground-truth frame: metres from the stop line to the rear of the last vehicle of
/// the queue that starts at the stop line (vehicles below 1.39 m/s, gaps of at most 10 m, as SUMO's jam detector).
/// Every frame lists every lane the camera watches, with 0 when there is no queue.
/// </summary>
public sealed record TruthQueue
{
    [JsonPropertyName("approach")]
    public string Approach { get; init; } = string.Empty;

    [JsonPropertyName("lane")]
    public string Lane { get; init; } = string.Empty;

    [JsonPropertyName("meters")]
    public double Meters { get; init; }
}
