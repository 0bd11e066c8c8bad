using System.Text.Json;
using System.Text.RegularExpressions;
using EdgeCity.Node.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeCity.Node.Tests.Observability;

/// <summary>Debian's real Prometheus scrapes an in-process node with the site's rules loaded, and answers the dashboards' queries.</summary>
[Collection(InProcessNodeMetricsCollection.Name)]
public sealed partial class PrometheusScrapeSpec
{
    // Generous: the machine is small and shared; a healthy run takes a few seconds.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static readonly string[] Alerts =
    [
        "EdgeCityCameraDown", "EdgeCityMeasurementsStale", "EdgeCitySignalInputsStale", "EdgeCityFallbackActive",
        "EdgeCityNodeUnreachable", "EdgeCityClusterMemberUnreachable", "EdgeCityNodeNotInCluster",
        "EdgeCityInferenceLatencyHigh", "EdgeCityModelDown", "EdgeCitySignalRuleBreak", "EdgeCitySupervisorHandBack",
    ];

    [Fact]
    public Task Prometheus_scrapes_a_node_and_reads_back_that_it_is_up_in_its_cluster() =>
        WithScrapedNodeAsync(async (prometheus, node) =>
        {
            var sample = await WaitForSampleAsync(prometheus, "edgecity_cluster_self_up == 1");

            Assert.Equal("edgecity", sample.GetProperty("metric").GetProperty("job").GetString());
            Assert.Equal(node.Authority, sample.GetProperty("metric").GetProperty("instance").GetString());
            Assert.Equal("1", sample.GetProperty("value")[1].GetString());
            var info = await WaitForSampleAsync(prometheus, "edgecity_node_info");
            Assert.Equal("test", info.GetProperty("metric").GetProperty("mode").GetString());
        });

    [Fact]
    public Task The_site_rules_load_into_prometheus_and_evaluate_without_error() =>
        WithScrapedNodeAsync(async (prometheus, _) =>
        {
            var rules = await WaitForEvaluatedRulesAsync(prometheus);

            Assert.Equal(["edgecity.alerts", "edgecity.recording"], rules.Select(r => r.Group).Distinct().Order());
            Assert.Equal(Alerts.Order(), rules.Where(r => r.Type == "alerting").Select(r => r.Name).Order());
            Assert.All(rules, r => Assert.True(r.Health == "ok", $"rule {r.Name}: {r.Health} {r.Error}"));
        });

    [Fact]
    public Task Every_dashboard_query_runs_on_prometheus_and_the_node_panels_show_the_node() =>
        WithScrapedNodeAsync(async (prometheus, node) =>
        {
            await WaitForSampleAsync(prometheus, "edgecity_cluster_self_up == 1");
            var dashboards = Directory.GetFiles(Path.Combine(RepositoryRoot(), "deploy", "grafana", "dashboards"), "*.json");
            var queries = dashboards.SelectMany(DashboardQueries).ToList();
            Assert.True(queries.Count >= 40, $"only {queries.Count} queries found in {dashboards.Length} dashboards");

            foreach (var (where, expr) in queries)
            {
                var promql = AsPromQL(expr);
                var json = await prometheus.Http.GetStringAsync($"api/v1/query?query={Uri.EscapeDataString(promql)}");
                Assert.True(json.Contains("\"status\":\"success\"", StringComparison.Ordinal), $"{where}: {promql}\n{json}");
            }

            // The box dashboard's node picker lists this node, and its "In cluster" panel shows it Up.
            var nodes = await prometheus.QueryAsync(AsPromQL("edgecity_node_info"));
            Assert.Equal(node.Authority, Assert.Single(nodes.EnumerateArray()).GetProperty("metric").GetProperty("instance").GetString());
            var (_, inCluster) = Assert.Single(queries, q => q.Where.EndsWith("'In cluster' A", StringComparison.Ordinal));
            Assert.Equal("1", (await prometheus.QueryAsync(AsPromQL(inCluster)))[0].GetProperty("value")[1].GetString());
        });

    /// <summary>Starts a node on 127.0.0.1 port 0 and a real Prometheus scraping it every second with the site's rules.</summary>
    private static async Task WithScrapedNodeAsync(Func<PrometheusServer, Uri, Task> body)
    {
        Assert.True(File.Exists(PrometheusServer.Binary),
            $"{PrometheusServer.Binary} is missing: ./edgecity installs it (Debian package prometheus; or apt-get install prometheus).");

        await using var app = NodeHost.Build(new NodeLaunch { Mode = "test", HttpUrls = "http://127.0.0.1:0", ClusterPort = 0 });
        await app.StartAsync();
        try
        {
            var node = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
            await WaitForNodeReadyAsync(node);
            var rules = Path.Combine(RepositoryRoot(), "deploy", "prometheus", "rules", "edgecity.rules.yml");
            await using var prometheus = PrometheusServer.Start(
                $$"""
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                  evaluation_interval: 1s
                rule_files:
                  - "{{rules}}"
                scrape_configs:
                  - job_name: edgecity
                    static_configs:
                      - targets: ["{{node.Authority}}"]
                """);
            await prometheus.WaitUntilReadyAsync(Patience);
            await body(prometheus, node);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    /// <summary>Polls an instant query until it returns a sample (the first scrapes take a second or two).</summary>
    private static async Task<JsonElement> WaitForSampleAsync(PrometheusServer prometheus, string promql)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            var result = await prometheus.QueryAsync(promql);
            if (result.GetArrayLength() > 0)
            {
                return result[0];
            }

            await Task.Delay(250);
        }

        var targets = await prometheus.Http.GetStringAsync("api/v1/targets");
        throw new TimeoutException($"no sample for {promql} after {Patience}; targets: {targets}\nprometheus log:\n{prometheus.Log}");
    }

    /// <summary>Waits until every loaded rule has been evaluated once (health no longer "unknown").</summary>
    private static async Task<List<(string Group, string Name, string Type, string Health, string? Error)>> WaitForEvaluatedRulesAsync(PrometheusServer prometheus)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            using var doc = JsonDocument.Parse(await prometheus.Http.GetStringAsync("api/v1/rules"));
            var rules = doc.RootElement.GetProperty("data").GetProperty("groups").EnumerateArray()
                .SelectMany(g => g.GetProperty("rules").EnumerateArray().Select(r => (
                    Group: g.GetProperty("name").GetString()!,
                    Name: r.GetProperty("name").GetString()!,
                    Type: r.GetProperty("type").GetString()!,
                    Health: r.GetProperty("health").GetString()!,
                    Error: r.TryGetProperty("lastError", out var e) ? e.GetString() : null)))
                .ToList();
            if ((rules.Count > 0 && rules.All(r => r.Health != "unknown")) || DateTime.UtcNow > deadline)
            {
                return rules;
            }

            await Task.Delay(250);
        }
    }

    /// <summary>The node is an Up cluster member once /healthz/ready answers 200.</summary>
    private static async Task WaitForNodeReadyAsync(Uri node)
    {
        using var http = new HttpClient { BaseAddress = node };
        var deadline = DateTime.UtcNow + Patience;
        while ((await http.GetAsync("/healthz/ready")).StatusCode != System.Net.HttpStatusCode.OK)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the node at {node} was not ready after {Patience}");
            await Task.Delay(100);
        }
    }

    /// <summary>Every panel target's expression and every variable's series selector, with where it was found.</summary>
    private static IEnumerable<(string Where, string Expr)> DashboardQueries(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(file));
        var name = Path.GetFileName(file);
        var found = new List<(string, string)>();
        foreach (var variable in doc.RootElement.GetProperty("templating").GetProperty("list").EnumerateArray())
        {
            var query = variable.GetProperty("query").GetProperty("query").GetString()!;
            var selector = LabelValues().Match(query);
            found.Add(($"{name} variable {variable.GetProperty("name").GetString()}", selector.Success ? selector.Groups[1].Value : query));
        }

        foreach (var panel in doc.RootElement.GetProperty("panels").EnumerateArray())
        {
            if (!panel.TryGetProperty("targets", out var targets))
            {
                continue;
            }

            foreach (var t in targets.EnumerateArray())
            {
                found.Add(($"{name} '{panel.GetProperty("title").GetString()}' {t.GetProperty("refId").GetString()}", t.GetProperty("expr").GetString()!));
            }
        }

        return found;
    }

    /// <summary>Grafana's variables as Grafana sends them with "All" selected: regex .* and a 20 s rate window.</summary>
    private static string AsPromQL(string expr) =>
        GrafanaVariable().Replace(expr.Replace("$__rate_interval", "20s", StringComparison.Ordinal), ".*");

    private static string RepositoryRoot() => EdgeCity.Testing.RepositoryRoot.FullName;

    [GeneratedRegex(@"^label_values\((.+),\s*[A-Za-z_][A-Za-z0-9_]*\)$")]
    private static partial Regex LabelValues();

    [GeneratedRegex(@"\$\{?[A-Za-z_][A-Za-z0-9_]*(:[A-Za-z]+)?\}?")]
    private static partial Regex GrafanaVariable();
}
