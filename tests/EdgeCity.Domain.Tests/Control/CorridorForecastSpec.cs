using EdgeCity.Domain.Control;
using EdgeCity.Domain.Control.Controllers;
using Xunit.Abstractions;

namespace EdgeCity.Domain.Tests.Control;

public sealed class CorridorForecastSpec(ITestOutputHelper output)
{
    private const double Travel = 25.0;

    /// <summary>
    /// Two junctions 25 s apart; everything leaving the upstream one on a reaches the downstream one on a. The
    /// downstream junction sees only its stop line (no look-ahead); with the forecast it also knows the upstream plan.
    /// </summary>
    private double DownstreamDelay(int seed, bool forecast)
    {
        var timings = new SignalTimings(TestModels.TwoPhase(min: 5, max: 60));
        var rng = new Random(seed);
        var up = new QueueJunction(timings, QueueJunction.Poisson(rng, new Dictionary<string, double> { ["a"] = 700, ["b"] = 400 }, 1800));
        var down = new QueueJunction(timings, QueueJunction.Poisson(rng, new Dictionary<string, double> { ["b"] = 400 }, 1800)) { LookaheadSeconds = 0 };
        var upController = new ScheduleDrivenController(timings, new SaturationFlows(timings.Model));
        var downController = new ScheduleDrivenController(timings, new SaturationFlows(timings.Model));
        var upRun = up.Start(0.5);
        var downRun = down.Start(0.5);
        var timeline = new OutflowTimeline();
        OutflowForecast? merged = null;
        for (var t = 0.5; t <= 1800; t += 0.5)
        {
            foreach (var (movement, departure) in upRun.Step(t, upController).Where(d => d.Movement == "a"))
            {
                downRun.AddArrival("a", departure + Travel);
            }

            if (upController.Outflow is { } outflow && !ReferenceEquals(outflow, merged))
            {
                timeline.Merge(outflow);
                merged = outflow;
            }

            var now = t;
            downRun.Step(t, downController, enrich: forecast
                ? (m, o) => m == "a" ? o with { Approaching = timeline.ArrivalsFrom("a", Travel, 1.0, now) } : o
                : null);
        }

        var result = downRun.Finish(1800);
        Assert.Empty(result.RuleBreaks);
        return result.MeanDelaySeconds;
    }

    [Fact]
    public void An_upstream_plan_shared_as_predicted_arrivals_cuts_delay_downstream()
    {
        var blind = Enumerable.Range(1, 4).Average(s => DownstreamDelay(s, forecast: false));
        var informed = Enumerable.Range(1, 4).Average(s => DownstreamDelay(s, forecast: true));

        output.WriteLine($"downstream mean delay: stop line only {blind:F1} s, with the upstream forecast {informed:F1} s");
        Assert.True(informed < 0.9 * blind, $"{informed:F1} s vs {blind:F1} s");
    }

    [Fact]
    public void The_timeline_keeps_departures_already_made_and_replaces_the_plan_from_each_new_forecast_on()
    {
        var timeline = new OutflowTimeline();
        timeline.Merge(new OutflowForecast("u", 100, 1, new Dictionary<string, IReadOnlyList<double>> { ["a"] = [1, 0, 1, 0, 1] }));
        timeline.Merge(new OutflowForecast("u", 102, 1, new Dictionary<string, IReadOnlyList<double>> { ["a"] = [0, 0, 0, 1] }));

        // Left at 100.5 (kept), planned at 105.5 (new plan); the old 102.5 and 104.5 are replaced. 20 s of travel.
        Assert.Equal([18.5, 23.5], timeline.ArrivalsFrom("a", 20, 1.0, 102).Select(v => v.EtaSeconds));
    }
}
