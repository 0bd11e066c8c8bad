namespace EdgeCity.Simulation.Network;

/// <summary>One step of a SUMO traffic-light program: state string, duration and, for actuated programs, its bounds.</summary>
public sealed record SumoPhase(double Duration, string State, double? MinDuration, double? MaxDuration, string? Name);
