using System.Text.Json;
using System.Text.Json.Serialization;

namespace EdgeCity.Domain.Evaluation;

/// <summary>
/// One line of a camera twin's ground-truth JSON-lines file, one per rendered frame:
/// <code>
/// {"frame":12,"time":1.2,
///  "vehicles":[{"id":"veh3","box":[412.5,300.0,470.1,342.8],"class":"car","lane":"n_in_0","approach":"north","speed":8.3}],
///  "crossings":[{"line":"north-stop","vehicle":"veh3","direction":"forward","class":"car"}],
///  "queues":[{"approach":"north","lane":"n_in_0","meters":12.5}]}
/// </code>
/// <c>time</c> is seconds on the recording's clock (the camera twin writes SUMO's simulation time), the same clock as
/// the frames' capture timestamps; <c>camera</c>, <c>width</c> and <c>height</c> name the camera and its image size.
/// Unknown fields are errors, so a typo in the twin never goes unnoticed.
/// </summary>
public sealed record TruthFrame
{
    [JsonPropertyName("camera")]
    public string? Camera { get; init; }

    [JsonPropertyName("frame")]
    public long Frame { get; init; }

    [JsonPropertyName("time")]
    public double Time { get; init; }

    [JsonPropertyName("width")]
    public int? Width { get; init; }

    [JsonPropertyName("height")]
    public int? Height { get; init; }

    [JsonPropertyName("vehicles")]
    public IReadOnlyList<TruthVehicle> Vehicles { get; init; } = [];

    [JsonPropertyName("crossings")]
    public IReadOnlyList<TruthCrossing> Crossings { get; init; } = [];

    [JsonPropertyName("queues")]
    public IReadOnlyList<TruthQueue> Queues { get; init; } = [];

    private static readonly JsonSerializerOptions Writer = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>The frame as one line of a ground-truth file, as <see cref="TruthReader"/> reads it.</summary>
    public string ToJsonLine() => JsonSerializer.Serialize(this, Writer);
}
