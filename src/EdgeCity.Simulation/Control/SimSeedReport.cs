namespace EdgeCity.Simulation.Control;

/// <summary>One controller on one seed.</summary>
public sealed record SimSeedReport(int Seed, double MeanDelaySeconds, double MeanWaitingSeconds, double MeanTripSeconds, int TripsCompleted, int Trips, double P95DelaySeconds, double WallSeconds);
