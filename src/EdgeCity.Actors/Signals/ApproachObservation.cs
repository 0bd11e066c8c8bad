using EdgeCity.Domain.Control;

namespace EdgeCity.Actors.Signals;

/// <summary>Fresh data for one approach (what a camera or detector sees), applied to every movement of that approach.</summary>
public sealed record ApproachObservation(string Approach, MovementObservation Observation, DateTimeOffset MeasuredAt);
