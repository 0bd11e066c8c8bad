using EdgeCity.Domain.Control;
using EdgeCity.Domain.Control.Controllers;
using Xunit.Abstractions;

namespace EdgeCity.Domain.Tests.Control;

public sealed class ControllerComparisonSpec(ITestOutputHelper output)
{
    private static readonly Dictionary<string, double> CrossDemand = new()
    {
        ["ns"] = 700, ["nsl"] = 120, ["ew"] = 450, ["ewl"] = 180, ["pw"] = 60,
    };

    private Dictionary<string, double> Compare(SignalTimings timings, Dictionary<string, double> demand, int seeds, double seconds)
    {
        var means = SignalControllers.Names.ToDictionary(n => n, _ => 0.0);
        for (var seed = 1; seed <= seeds; seed++)
        {
            var junction = new QueueJunction(timings, QueueJunction.Poisson(new Random(seed), demand, seconds));
            foreach (var name in SignalControllers.Names)
            {
                var result = junction.Run(SignalControllers.Create(name, timings), seconds);
                Assert.Empty(result.RuleBreaks);
                means[name] += result.MeanDelaySeconds / seeds;
            }
        }

        output.WriteLine(string.Join("  ", means.Select(kv => $"{kv.Key} {kv.Value:F1} s")));
        return means;
    }

    [Fact]
    public void Schedule_driven_control_has_the_least_delay_on_a_four_phase_cross_in_the_queue_model()
    {
        var means = Compare(TestModels.CrossTimings(), CrossDemand, seeds: 5, seconds: 1800);

        Assert.True(means["schedule"] <= means.Where(kv => kv.Key != "schedule").Min(kv => kv.Value),
            string.Join(", ", means.Select(kv => $"{kv.Key} {kv.Value:F1}")));
        Assert.True(means["schedule"] < 0.75 * means["actuated"]);
    }

    [Fact]
    public void Schedule_driven_control_has_the_least_delay_on_a_two_phase_junction_under_light_and_heavy_demand()
    {
        var timings = new SignalTimings(TestModels.TwoPhase(min: 5, max: 60));
        foreach (var (a, b) in new[] { (200.0, 150.0), (700.0, 500.0) })
        {
            var means = Compare(timings, new Dictionary<string, double> { ["a"] = a, ["b"] = b }, seeds: 5, seconds: 1800);
            Assert.True(means["schedule"] <= means.Where(kv => kv.Key != "schedule").Min(kv => kv.Value),
                string.Join(", ", means.Select(kv => $"{kv.Key} {kv.Value:F1}")));
        }
    }
}
