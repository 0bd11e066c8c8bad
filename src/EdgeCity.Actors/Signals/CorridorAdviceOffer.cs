using EdgeCity.Domain.Control;

namespace EdgeCity.Actors.Signals;

/// <summary>Corridor advice for one intersection, valid until a time: after that the coordinator ignores it.</summary>
public sealed record CorridorAdviceOffer(string IntersectionId, CorridorAdvice Advice, DateTimeOffset ValidUntil);
