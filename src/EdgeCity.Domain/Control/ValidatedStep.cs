namespace EdgeCity.Domain.Control;

/// <summary>One validator step: the safe state to show, whether it changed, and the violations prevented on the way.</summary>
public sealed record ValidatedStep(SignalState State, bool Changed, IReadOnlyList<ValidatorViolation> Violations);
