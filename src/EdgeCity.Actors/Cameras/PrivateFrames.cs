using Akka.Actor;
using Akka.Event;
using EdgeCity.Vision.Privacy;

namespace EdgeCity.Actors.Cameras;

/// <summary>
/// The actor system's one <see cref="BlurredFrameStore"/>: inference threads offer it their frames, the node's frame
/// endpoint reads it. Disabled until the node enables it from configuration, so by default no frame is ever kept.
/// </summary>
public sealed class PrivateFrames : IExtension, IDisposable
{
    public PrivateFrames(ExtendedActorSystem system)
    {
        Store = new BlurredFrameStore(TimeProvider.System)
        {
            Warn = message => system.Log.Warning("{0}", message),
            Blurred = (camera, regions) =>
            {
                PrivacyMetrics.FramesBlurred.WithLabels(camera).Inc();
                foreach (var r in regions)
                {
                    PrivacyMetrics.RegionsBlurred.WithLabels(camera, PrivacyMetrics.SourceLabel(r.Source)).Inc();
                }
            },
            Replaced = camera => PrivacyMetrics.FramesDropped.WithLabels(camera).Inc(),
        };
        system.RegisterOnTermination(Dispose);
    }

    public BlurredFrameStore Store { get; }

    public static PrivateFrames Get(ActorSystem system) => system.WithExtension<PrivateFrames, PrivateFramesProvider>();

    public void Dispose() => Store.Dispose();
}
