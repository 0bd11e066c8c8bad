namespace EdgeCity.Simulation.Tuning;

/// <summary>What a tuning chose per light (lights left on the default are not named) and the network before and after.</summary>
public sealed record TuningOutcome(
    IReadOnlyDictionary<string, string> Chosen,
    double DefaultMeanDelaySeconds,
    double DefaultTripsCompleted,
    double MeanDelaySeconds,
    double TripsCompleted);
