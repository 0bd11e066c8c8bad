using System.Globalization;
using System.Text;

namespace EdgeCity.Simulation.Suite;

/// <summary>
/// The suite's table: per scenario, EdgeCity, SUMO fixed and SUMO actuated (mean over seeds of mean delay, p95 delay,
/// longest wait, trips completed), EdgeCity's ratio to the better baseline, and on how many seeds EdgeCity met the
/// targets (mean delay at most 1.05x the better baseline of that seed, trips at least its trips minus 1 %).
/// </summary>
public static class SuiteTable
{
    public const double DelayTarget = 1.05;
    public const double TripsTarget = 0.99;

    public static string Format(IEnumerable<SuiteResult> results, string edgecity, IEnumerable<string> order)
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(string.Create(inv, $"{"scenario",-12} {"seeds",5} | {"EdgeCity delay / p95 / max wait / trips",-40} | {"SUMO fixed",-40} | {"SUMO actuated",-40} | {"ratio",6} {"met",6}"));
        var byScenario = results.GroupBy(r => r.Scenario).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var name in order.Where(byScenario.ContainsKey))
        {
            var runs = byScenario[name];
            var seeds = runs.Where(r => r.Controller == edgecity).Select(r => r.Seed)
                .Where(s => runs.Any(r => r.Seed == s && r.Controller == Control.SumoBaseline.Fixed) && runs.Any(r => r.Seed == s && r.Controller == Control.SumoBaseline.Actuated))
                .Distinct().Order().ToList();
            string Cell(string controller)
            {
                var c = runs.Where(r => r.Controller == controller && seeds.Contains(r.Seed)).ToList();
                return c.Count == 0 ? "-" : string.Create(inv,
                    $"{c.Average(r => r.MeanDelaySeconds),6:0.0} / {c.Average(r => r.P95DelaySeconds),6:0} / {c.Average(r => r.LongestWaitSeconds),5:0} / {c.Average(r => r.TripsCompleted),7:0}");
            }

            var met = 0;
            var ratios = new List<double>();
            foreach (var seed in seeds)
            {
                var e = runs.First(r => r.Seed == seed && r.Controller == edgecity);
                var f = runs.First(r => r.Seed == seed && r.Controller == Control.SumoBaseline.Fixed);
                var a = runs.First(r => r.Seed == seed && r.Controller == Control.SumoBaseline.Actuated);
                var better = f.MeanDelaySeconds <= a.MeanDelaySeconds ? f : a;
                ratios.Add(e.MeanDelaySeconds / Math.Max(1e-9, better.MeanDelaySeconds));
                if (e.MeanDelaySeconds <= DelayTarget * better.MeanDelaySeconds && e.TripsCompleted >= TripsTarget * better.TripsCompleted)
                {
                    met++;
                }
            }

            var ratio = ratios.Count == 0 ? "-" : ratios.Average().ToString("0.00", inv);
            text.AppendLine(string.Create(inv, $"{name,-12} {seeds.Count,5} | {Cell(edgecity),-40} | {Cell(Control.SumoBaseline.Fixed),-40} | {Cell(Control.SumoBaseline.Actuated),-40} | {ratio,6} {met,3}/{seeds.Count,-2}"));
        }

        return text.ToString();
    }
}
