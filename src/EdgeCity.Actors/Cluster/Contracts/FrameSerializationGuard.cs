using System.Runtime.Serialization;
using Akka.Actor;
using Akka.Serialization;

namespace EdgeCity.Actors.Cluster.Contracts;

/// <summary>Bound to OpenCV's native objects (<c>Mat</c>, <c>UMat</c>, …): refuses to serialize them, so no frame ever leaves its box.</summary>
/// <remarks>
/// Without this binding Akka would fall back to its JSON serializer for a <c>Mat</c> sent to a remote actor. Frames
/// stay local by design (privacy, and a 128 kB remote frame limit shared with heartbeats); only measurements travel.
/// </remarks>
public sealed class FrameSerializationGuard(ExtendedActorSystem system) : Serializer(system)
{
    /// <summary>Serializer id; unique in the actor system.</summary>
    public const int Id = 4812;

    /// <summary>Name of the serializer in HOCON.</summary>
    public const string Name = "edgecity-no-frames";

    public override int Identifier => Id;

    public override bool IncludeManifest => false;

    public override byte[] ToBinary(object obj) =>
        throw new SerializationException($"{obj.GetType().FullName} is a video frame or native OpenCV object: frames never cross nodes; send detections or measurements instead.");

    public override object FromBinary(byte[] bytes, Type type) =>
        throw new SerializationException($"a video frame ({type?.FullName ?? "unknown type"}) arrived from another node: frames never cross nodes.");
}
