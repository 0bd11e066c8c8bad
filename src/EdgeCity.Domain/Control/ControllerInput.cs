namespace EdgeCity.Domain.Control;

/// <summary>What a controller sees on one tick: the time, the current signal state, and the measurements per movement.</summary>
public sealed record ControllerInput(
    double TimeSeconds,
    SignalState Signal,
    IReadOnlyDictionary<string, MovementObservation> Observations,
    CorridorAdvice? Advice = null)
{
    /// <summary>How long the active phase will have been green at <see cref="TimeSeconds"/> (the state is from the last tick).</summary>
    public double GreenSeconds => Signal.InTransition ? 0.0 : Signal.PhaseGreenSeconds + (TimeSeconds - Signal.TimeSeconds);

    /// <summary>The observation of a movement, or <see cref="MovementObservation.Missing"/>.</summary>
    public MovementObservation Of(string movementId) =>
        Observations.TryGetValue(movementId, out var o) ? o : MovementObservation.Missing;
}
