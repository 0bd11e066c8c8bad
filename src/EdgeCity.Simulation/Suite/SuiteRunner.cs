using System.Diagnostics;
using System.Globalization;
using EdgeCity.Simulation.Control;

namespace EdgeCity.Simulation.Suite;

/// <summary>
/// Runs every scenario of a suite for seeds 1..N under EdgeCity and SUMO's fixed and actuated control, writing each
/// finished run to a JSON-lines file at once. Runs already in that file are not run again, so a suite cut short
/// resumes where it stopped and never loses a finished seed.
/// </summary>
public sealed class SuiteRunner(string resultsFile, Action<string> log)
{
    private readonly Action<string> _log = log;

    public async Task<IReadOnlyList<SuiteResult>> RunAsync(IReadOnlyList<SuiteScenario> suite, int seeds, string controller, string workFolder, CancellationToken ct)
    {
        var file = new ResultsFile<SuiteResult>(resultsFile, _log);
        var results = file.Read();
        var done = results.Select(r => (r.Scenario, r.Seed, r.Controller)).ToHashSet();
        var edgecity = $"edgecity-{controller}";
        var total = suite.Count * seeds * 3;
        var finished = suite.Sum(s => Enumerable.Range(1, seeds).Sum(seed => new[] { edgecity, SumoBaseline.Fixed, SumoBaseline.Actuated }.Count(c => done.Contains((s.Name, seed, c)))));
        var watch = Stopwatch.StartNew();
        var ranNow = 0;
        foreach (var entry in suite)
        {
            var (scenario, network) = entry.Scenario.Load();
            if (scenario.ControllerAt.Keys.FirstOrDefault(l => !network.TrafficLights.ContainsKey(l)) is { } unknown)
            {
                throw new InvalidDataException($"{entry.Name}: --controller-at names light '{unknown}', which the network does not have; its lights: {string.Join(", ", network.TrafficLights.Keys.Order(StringComparer.Ordinal))}");
            }

            foreach (var note in scenario.Notes)
            {
                _log($"{entry.Name}: note: {note}");
            }

            for (var seed = 1; seed <= seeds; seed++)
            {
                foreach (var name in new[] { edgecity, SumoBaseline.Fixed, SumoBaseline.Actuated })
                {
                    if (done.Contains((entry.Name, seed, name)))
                    {
                        continue;
                    }

                    ct.ThrowIfCancellationRequested();
                    var work = Path.Combine(workFolder, $"{entry.Name}-{seed}-{name}");
                    Directory.CreateDirectory(work);
                    SimRunResult run;
                    try
                    {
                        run = name == edgecity
                            ? await ClosedLoop.RunAsync(scenario, network, controller, seed, work, null, ct)
                            : await SumoBaseline.RunAsync(scenario, network, name == SumoBaseline.Actuated, seed, work, ct);
                    }
                    finally
                    {
                        TryDelete(work);
                    }

                    var result = new SuiteResult(entry.Name, seed, name, run.Trips.MeanDelaySeconds, run.Trips.P95DelaySeconds, run.Trips.LongestWaitSeconds,
                        run.Trips.TripsCompleted, run.Trips.Trips, run.HandBacks, run.RuleBreaks.Count, run.PreventedDecisions, run.WallSeconds);
                    await file.AppendAsync(result, ct);
                    results.Add(result);
                    finished++;
                    ranNow++;
                    var eta = TimeSpan.FromSeconds(watch.Elapsed.TotalSeconds / ranNow * (total - finished));
                    _log(string.Create(CultureInfo.InvariantCulture,
                        $"[{finished}/{total}] {entry.Name} seed {seed} {name}: {result.MeanDelaySeconds:0.0} s mean delay, {result.TripsCompleted}/{result.Trips} trips, {result.WallSeconds:0} s wall{(result.HandBacks > 0 ? $", {result.HandBacks} hand-backs" : string.Empty)} (about {eta:hh\\:mm\\:ss} left)"));
                }
            }
        }

        return results;
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
