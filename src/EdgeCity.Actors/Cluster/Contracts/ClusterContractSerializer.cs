using System.Runtime.Serialization;
using System.Text.Json;
using Akka.Actor;
using Akka.Serialization;

namespace EdgeCity.Actors.Cluster.Contracts;

/// <summary>System.Text.Json serializer for the messages that cross nodes, keyed by stable string manifests.</summary>
/// <remarks>
/// Manifests name the contract and its version, never a CLR type, so renaming or moving a class does not break a
/// rolling upgrade. A new incompatible shape gets a new manifest (<c>.v2</c>) while nodes still read <c>.v1</c>.
/// </remarks>
public sealed class ClusterContractSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    /// <summary>Serializer id; unique in the actor system, above Akka's reserved range (0–100).</summary>
    public const int Id = 4811;

    /// <summary>Name of the serializer in HOCON.</summary>
    public const string Name = "edgecity-contracts";

    public const string IntersectionStateManifest = "edgecity.intersection-state.v1";
    public const string CorridorAdviceManifest = "edgecity.corridor-advice.v1";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public override int Identifier => Id;

    public override string Manifest(object o) => o switch
    {
        IntersectionState => IntersectionStateManifest,
        CorridorAdvice => CorridorAdviceManifest,
        _ => throw new SerializationException($"{o.GetType().FullName} is not a cluster contract of {Name}; only IntersectionState and CorridorAdvice cross nodes."),
    };

    public override byte[] ToBinary(object obj) => obj switch
    {
        IntersectionState s => JsonSerializer.SerializeToUtf8Bytes(s, Json),
        CorridorAdvice a => JsonSerializer.SerializeToUtf8Bytes(a, Json),
        _ => throw new SerializationException($"{obj.GetType().FullName} is not a cluster contract of {Name}; only IntersectionState and CorridorAdvice cross nodes."),
    };

    public override object FromBinary(byte[] bytes, string manifest)
    {
        try
        {
            return manifest switch
            {
                IntersectionStateManifest => Check(JsonSerializer.Deserialize<IntersectionState>(bytes, Json), manifest),
                CorridorAdviceManifest => Check(JsonSerializer.Deserialize<CorridorAdvice>(bytes, Json), manifest),
                _ => throw new SerializationException($"{Name}: unknown manifest '{manifest}' (known: {IntersectionStateManifest}, {CorridorAdviceManifest})."),
            };
        }
        catch (JsonException ex)
        {
            throw new SerializationException($"{Name}: payload of manifest '{manifest}' is not valid JSON for it: {ex.Message}", ex);
        }
    }

    private static object Check(IntersectionState? s, string manifest) =>
        s is { IntersectionId: not null, PhaseId: not null, Indications: not null, Controller: not null, QueueMetres: not null }
            ? s
            : throw new SerializationException($"{Name}: payload of manifest '{manifest}' lacks a required field (intersectionId, phaseId, indications, controller, queueMetres).");

    private static object Check(CorridorAdvice? a, string manifest) =>
        a is { CorridorId: not null, OffsetSeconds: not null }
            ? a
            : throw new SerializationException($"{Name}: payload of manifest '{manifest}' lacks a required field (corridorId, offsetSeconds).");
}
