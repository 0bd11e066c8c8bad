using System.Text.RegularExpressions;
using EdgeCity.Node.Tests.Api;

namespace EdgeCity.Node.Tests.Observability;

public sealed partial class MetricCatalogueSpec
{
    [Fact]
    public void Every_edgecity_metric_the_sources_create_has_a_row_in_the_README_catalogue()
    {
        var root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(OperatorNode.DemoSitePath)!, "..", "..", ".."));
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        var names = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => MetricName().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Contains("edgecity_privacy_frames_blurred_total", names);
        var missing = names.Where(n => !readme.Contains($"| `{n}` |", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "no row in the README's metric catalogue for: " + string.Join(", ", missing));
    }

    [GeneratedRegex("\"(edgecity_[a-z0-9_]+)\"")]
    private static partial Regex MetricName();
}
