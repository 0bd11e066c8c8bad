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
/// <c>time</c> is seconds since the start of the recording, the same clock as the frames' capture timestamps.
/// Unknown fields are errors, so a typo in the twin never goes unnoticed.
/// </summary>
public sealed record TruthFrame
{
    [JsonPropertyName("frame")]
    public long Frame { get; init; }

    [JsonPropertyName("time")]
    public double Time { get; init; }

    [JsonPropertyName("vehicles")]
    public IReadOnlyList<TruthVehicle> Vehicles { get; init; } = [];

    [JsonPropertyName("crossings")]
    public IReadOnlyList<TruthCrossing> Crossings { get; init; } = [];

    [JsonPropertyName("queues")]
    public IReadOnlyList<TruthQueue> Queues { get; init; } = [];
}
