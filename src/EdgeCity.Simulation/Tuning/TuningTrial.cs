namespace EdgeCity.Simulation.Tuning;

/// <summary>
/// One set of per-light controller choices measured on one seed (a line of the tuning's results file); the choices are
/// canonical (<see cref="ControllerChoices.Key"/>), empty for the default everywhere.
/// </summary>
public sealed record TuningTrial(string Choices, int Seed, double MeanDelaySeconds, int TripsCompleted, int Trips);
