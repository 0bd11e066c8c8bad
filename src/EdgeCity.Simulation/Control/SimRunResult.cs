namespace EdgeCity.Simulation.Control;

/// <summary>One controller on one seed: its trip statistics, how long it took, and (for EdgeCity) what the validator saw.</summary>
public sealed record SimRunResult(
    string Controller,
    int Seed,
    TripStatistics Trips,
    double WallSeconds,
    int Junctions,
    long Steps,
    long PreventedDecisions,
    IReadOnlyList<string> RuleBreaks)
{
    /// <summary>How often the junction supervisor handed a junction back to its programme during the run.</summary>
    public int HandBacks { get; init; }

    /// <summary>SUMO's per-edge totals of the run (<see cref="SimScenario.DetailedOutputs"/>), or null.</summary>
    public string? EdgeData { get; init; }
}
