using Akka.Actor;

namespace EdgeCity.Actors.Cameras;

/// <summary>Akka extension id of <see cref="PrivateFrames"/>.</summary>
public sealed class PrivateFramesProvider : ExtensionIdProvider<PrivateFrames>
{
    public override PrivateFrames CreateExtension(ExtendedActorSystem system) => new(system);
}
