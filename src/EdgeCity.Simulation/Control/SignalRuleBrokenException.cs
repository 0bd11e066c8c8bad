namespace EdgeCity.Simulation.Control;

/// <summary>The independent rule monitor saw a signal rule broken in what a junction showed: the run is invalid.</summary>
public sealed class SignalRuleBrokenException(string message) : Exception(message);
