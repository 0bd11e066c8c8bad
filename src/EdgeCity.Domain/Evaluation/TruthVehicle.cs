using System.Text.Json.Serialization;

namespace EdgeCity.Domain.Evaluation;

/// <summary>
/// One vehicle visible in a ground-truth frame: its id in the simulation, its box in image pixels
/// <c>[x1, y1, x2, y2]</c>, class name, lane id, and optionally its approach, true speed (m/s) and the simulation's
/// vehicle type.
/// </summary>
public sealed record TruthVehicle
{
    [JsonPropertyName("id")]
    public string Id { get; init; } = string.Empty;

    [JsonPropertyName("box")]
    public double[] Box { get; init; } = [];

    [JsonPropertyName("class")]
    public string Class { get; init; } = string.Empty;

    [JsonPropertyName("lane")]
    public string Lane { get; init; } = string.Empty;

    [JsonPropertyName("approach")]
    public string? Approach { get; init; }

    [JsonPropertyName("speed")]
    public double? Speed { get; init; }

    [JsonPropertyName("type")]
    public string? Type { get; init; }
}
