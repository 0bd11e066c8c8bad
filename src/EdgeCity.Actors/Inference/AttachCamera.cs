using Akka.Actor;
using EdgeCity.Vision.Capture;

namespace EdgeCity.Actors.Inference;

/// <summary>
/// A camera asks its model's inference actor to take frames from <paramref name="Slot"/>. The receiver owns the slot's
/// reading side from then on and releases it on <see cref="DetachCamera"/> (or at once when the model is unavailable).
/// The slot holds native images: this message never leaves the node.
/// </summary>
public sealed record AttachCamera(string CameraId, LatestFrameSlot Slot, IActorRef Camera);
