using EdgeCity.Domain.Control.Controllers;
using Xunit.Abstractions;

namespace EdgeCity.Domain.Tests.Control;

public sealed class RandomJunctionComparisonSpec(ITestOutputHelper output)
{
    /// <summary>Mean delay per controller over 12 seeded random junctions (2–6 phases, permissive greens), 30 min each.</summary>
    private Dictionary<string, double> MeanDelays(double lookaheadSeconds, out int scheduleWins)
    {
        string[] names = ["actuated", "schedule"];
        var totals = names.ToDictionary(n => n, _ => 0.0);
        scheduleWins = 0;
        const int Junctions = 12;
        for (var seed = 1; seed <= Junctions; seed++)
        {
            var rng = new Random(seed);
            var timings = RandomSignalModels.Create(rng, 4 + (seed % 7), 2 + (seed % 5), usableGreens: true);
            var served = timings.Model.Movements.Select(m => m.Id).Where(m => timings.Model.Phases.Any(p => p.IsGreen(m))).ToList();
            var demand = served.ToDictionary(m => m, _ => 60 + (rng.NextDouble() * 300));
            var junction = new QueueJunction(timings, QueueJunction.Poisson(rng, demand, 1800)) { LookaheadSeconds = lookaheadSeconds };
            var delays = names.ToDictionary(n => n, n => junction.Run(SignalControllers.Create(n, timings), 1800).MeanDelaySeconds);
            scheduleWins += delays["schedule"] <= delays["actuated"] ? 1 : 0;
            foreach (var n in names)
            {
                totals[n] += delays[n] / Junctions;
            }
        }

        output.WriteLine($"look-ahead {lookaheadSeconds} s: {string.Join("  ", totals.Select(kv => $"{kv.Key} {kv.Value:F1} s"))}, schedule wins {scheduleWins}/12");
        return totals;
    }

    [Theory]
    [InlineData(30.0)]
    [InlineData(0.0)]
    public void Schedule_driven_control_cuts_mean_delay_by_a_quarter_against_actuated_on_random_junctions(double lookaheadSeconds)
    {
        var means = MeanDelays(lookaheadSeconds, out var wins);

        Assert.Equal(12, wins);
        Assert.True(means["schedule"] < 0.75 * means["actuated"], $"schedule {means["schedule"]:F1} s vs actuated {means["actuated"]:F1} s");
    }
}
