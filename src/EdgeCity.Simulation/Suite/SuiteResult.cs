namespace EdgeCity.Simulation.Suite;

/// <summary>One controller on one seed of one suite scenario: a line of the suite's results file.</summary>
public sealed record SuiteResult(
    string Scenario,
    int Seed,
    string Controller,
    double MeanDelaySeconds,
    double P95DelaySeconds,
    double LongestWaitSeconds,
    int TripsCompleted,
    int Trips,
    int HandBacks,
    int RuleBreaks,
    long PreventedDecisions,
    double WallSeconds);
