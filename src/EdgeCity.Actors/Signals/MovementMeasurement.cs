using EdgeCity.Domain.Control;

namespace EdgeCity.Actors.Signals;

/// <summary>Fresh data for one movement of an intersection, stamped with when it was measured.</summary>
public sealed record MovementMeasurement(string MovementId, MovementObservation Observation, DateTimeOffset MeasuredAt);
