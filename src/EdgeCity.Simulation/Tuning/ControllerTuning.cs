using System.Globalization;
using EdgeCity.Simulation.Suite;

namespace EdgeCity.Simulation.Tuning;

/// <summary>
/// Chooses a controller per light by the outcome over the whole network, in the twin: starting from the default
/// everywhere, each light in turn is tried on each candidate controller (the others keeping what was chosen so far),
/// over the same seeds; a candidate is kept when it lowers the network's mean delay by at least
/// <see cref="MinGain"/> and completes at least the trips of the choice it replaces minus 1 %. A junction's own
/// detectors cannot make this choice on the box: at Bologna's acosta the two phase orders measured the same wait at
/// light 219 while the network's delay differed by 30 s (docs/control-real-cities.md). Every measured run is appended
/// to a results file at once, so a tuning cut short resumes without running a finished seed again.
/// </summary>
public sealed class ControllerTuning(Func<IReadOnlyDictionary<string, string>, int, CancellationToken, Task<TuningTrial>> measure, string resultsFile, Action<string> log)
{
    private const double TripsTolerance = 0.01;

    /// <summary>The least relative gain in mean delay for which a light's controller is changed.</summary>
    public double MinGain { get; init; } = 0.02;

    public async Task<TuningOutcome> RunAsync(IReadOnlyList<string> lights, IReadOnlyList<string> candidates, int seeds, CancellationToken ct)
    {
        var file = new ResultsFile<TuningTrial>(resultsFile, log);
        var done = file.Read().GroupBy(t => (t.Choices, t.Seed)).ToDictionary(g => g.Key, g => g.Last());
        var chosen = new Dictionary<string, string>(StringComparer.Ordinal);
        var start = await MeasureAsync(chosen, seeds, file, done, ct);
        var current = start;
        log(Line("default everywhere", current));
        foreach (var light in lights)
        {
            Measured? best = null;
            string? bestCandidate = null;
            foreach (var candidate in candidates)
            {
                var trial = new Dictionary<string, string>(chosen, StringComparer.Ordinal) { [light] = candidate };
                var measured = await MeasureAsync(trial, seeds, file, done, ct);
                var keeps = measured.MeanDelay <= current.MeanDelay * (1 - MinGain) && measured.Trips >= current.Trips * (1 - TripsTolerance);
                log(Line($"{light}={candidate}", measured) + (keeps ? string.Empty : " (not kept)"));
                if (keeps && (best is null || measured.MeanDelay < best.MeanDelay))
                {
                    (best, bestCandidate) = (measured, candidate);
                }
            }

            if (best is not null)
            {
                chosen[light] = bestCandidate!;
                current = best;
                log($"keep {light}={bestCandidate}");
            }
        }

        return new TuningOutcome(chosen, start.MeanDelay, start.Trips, current.MeanDelay, current.Trips);
    }

    private async Task<Measured> MeasureAsync(Dictionary<string, string> choices, int seeds, ResultsFile<TuningTrial> file, Dictionary<(string, int), TuningTrial> done, CancellationToken ct)
    {
        var key = ControllerChoices.Key(choices);
        var trials = new List<TuningTrial>();
        for (var seed = 1; seed <= seeds; seed++)
        {
            if (!done.TryGetValue((key, seed), out var trial))
            {
                ct.ThrowIfCancellationRequested();
                trial = (await measure(choices, seed, ct)) with { Choices = key, Seed = seed };
                await file.AppendAsync(trial, ct);
                done[(key, seed)] = trial;
                log(string.Create(CultureInfo.InvariantCulture,
                    $"  {(key.Length == 0 ? "default" : key)}, seed {seed}: {trial.MeanDelaySeconds:0.0} s mean delay, {trial.TripsCompleted}/{trial.Trips} trips"));
            }

            trials.Add(trial);
        }

        return new Measured(trials.Average(t => t.MeanDelaySeconds), trials.Average(t => (double)t.TripsCompleted));
    }

    private static string Line(string what, Measured m) =>
        string.Create(CultureInfo.InvariantCulture, $"{what}: {m.MeanDelay:0.0} s mean delay, {m.Trips:0} trips completed");

    private sealed record Measured(double MeanDelay, double Trips);
}
