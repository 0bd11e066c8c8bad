using System.Text.RegularExpressions;
using EdgeCity.Node.Tests.Api;

namespace EdgeCity.Node.Tests.Observability;

public sealed partial class MetricCatalogueSpec
{
    private static readonly string Root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(OperatorNode.DemoSitePath)!, "..", "..", ".."));

    [Fact]
    public void Every_edgecity_metric_the_sources_create_has_a_row_in_the_README_catalogue()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        var names = SourceMetricNames();

        Assert.Contains("edgecity_privacy_frames_blurred_total", names);
        var missing = names.Where(n => !readme.Contains($"| `{n}` |", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "no row in the README's metric catalogue for: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_edgecity_metric_the_sources_create_is_known_to_the_dashboard_and_rule_checks()
    {
        // deploy/validate-observability refuses dashboards and rules naming a metric missing from metrics.txt.
        var listed = File.ReadLines(Path.Combine(Root, "deploy", "prometheus", "metrics.txt"))
            .Where(l => l.StartsWith("edgecity_", StringComparison.Ordinal))
            .Select(l => l.Split(' ', 2)[0])
            .ToHashSet(StringComparer.Ordinal);

        var missing = SourceMetricNames().Where(n => !listed.Contains(n)).ToList();
        Assert.True(missing.Count == 0, "not in deploy/prometheus/metrics.txt: " + string.Join(", ", missing));
    }

    private static List<string> SourceMetricNames() =>
        Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => MetricName().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    [GeneratedRegex("\"(edgecity_[a-z0-9_]+)\"")]
    private static partial Regex MetricName();
}
