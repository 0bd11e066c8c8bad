using System.Text.Json;
using System.Text.Json.Serialization;

namespace EdgeCity.Simulation.Twin;

/// <summary>The exact ground truth of one rendered frame, written as one JSON line.</summary>
public sealed record TruthFrame(
    string Camera,
    long Frame,
    double Time,
    int Width,
    int Height,
    IReadOnlyList<TruthObject> Objects,
    IReadOnlyList<TruthCrossing> Crossings)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public string ToJsonLine() => JsonSerializer.Serialize(this, Json);

    public static TruthFrame FromJsonLine(string line) =>
        JsonSerializer.Deserialize<TruthFrame>(line, Json) ?? throw new InvalidDataException("empty ground-truth line");
}
