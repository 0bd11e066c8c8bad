namespace EdgeCity.Simulation.Control;

/// <summary>One controller's figures, averaged over the seeds (delays and times in seconds).</summary>
public sealed record SimControllerReport(
    string Controller,
    double MeanDelaySeconds,
    double MeanWaitingSeconds,
    double MeanTripSeconds,
    double TripsCompleted,
    double P95DelaySeconds,
    long Violations,
    long DecisionsPrevented,
    double WallSeconds,
    IReadOnlyList<SimSeedReport> PerSeed);
