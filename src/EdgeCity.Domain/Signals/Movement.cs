namespace EdgeCity.Domain.Signals;

/// <summary>
/// A signal group: traffic from one approach making one turn, switched as one.
/// <see cref="LinkIndices"/> are the controller's link numbers it drives (SUMO's tlLogic state positions).
/// </summary>
public sealed record Movement(
    string Id,
    string Approach,
    TurnDirection Turn,
    IReadOnlyList<int> LinkIndices,
    MovementKind Kind = MovementKind.Vehicle);
