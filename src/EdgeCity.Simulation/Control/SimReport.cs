namespace EdgeCity.Simulation.Control;

/// <summary>The closed-loop report: one entry per controller, averaged over seeds, with the per-seed values.</summary>
public sealed record SimReport(
    string Network,
    double Begin,
    double End,
    int Junctions,
    IReadOnlyList<int> Seeds,
    long Violations,
    IReadOnlyList<SimControllerReport> Controllers)
{
    public static SimReport From(SimScenario scenario, IReadOnlyList<SimRunResult> runs) =>
        new(
            scenario.ConfigFile ?? scenario.NetFile,
            scenario.Begin,
            scenario.End,
            runs.Select(r => r.Junctions).DefaultIfEmpty(0).Max(),
            runs.Select(r => r.Seed).Distinct().Order().ToList(),
            runs.Sum(r => r.RuleBreaks.Count),
            runs.GroupBy(r => r.Controller).Select(g => new SimControllerReport(
                g.Key,
                g.Average(r => r.Trips.MeanDelaySeconds),
                g.Average(r => r.Trips.MeanWaitingSeconds),
                g.Average(r => r.Trips.MeanTripSeconds),
                g.Average(r => r.Trips.TripsCompleted),
                g.Average(r => r.Trips.P95DelaySeconds),
                g.Sum(r => r.RuleBreaks.Count),
                g.Sum(r => r.PreventedDecisions),
                g.Average(r => r.WallSeconds),
                g.Select(r => new SimSeedReport(r.Seed, r.Trips.MeanDelaySeconds, r.Trips.MeanWaitingSeconds, r.Trips.MeanTripSeconds,
                    r.Trips.TripsCompleted, r.Trips.Trips, r.Trips.P95DelaySeconds, r.WallSeconds)).ToList())).ToList());
}
