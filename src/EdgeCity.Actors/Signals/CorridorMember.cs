using Akka.Actor;

namespace EdgeCity.Actors.Signals;

/// <summary>An intersection of a corridor: where it lies along it, its coordinator, and the phase the wave runs in.</summary>
public sealed record CorridorMember(string IntersectionId, double PositionMeters, IActorRef Coordinator, string? CoordinatedPhaseId = null);
