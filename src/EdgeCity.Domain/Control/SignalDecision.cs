namespace EdgeCity.Domain.Control;

/// <summary>
/// A controller's wish on one tick: the phase it wants green now (the current one to hold), and why.
/// Level-triggered: controllers restate it every tick and the validator decides when it may take effect.
/// </summary>
public sealed record SignalDecision(string TargetPhaseId, string Reason);
