namespace EdgeCity.Domain.Control;

/// <summary>A validated state for one intersection's signal head: every movement's indication, and why it changed.</summary>
public sealed record SignalCommand(string IntersectionId, DateTimeOffset At, SignalState State, string Reason);
