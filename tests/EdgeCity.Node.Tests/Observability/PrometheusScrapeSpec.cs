using System.Text.Json;
using EdgeCity.Node.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeCity.Node.Tests.Observability;

/// <summary>A real Prometheus scrapes an in-process node and answers queries on its metrics, with the site's rules loaded.</summary>
public sealed class PrometheusScrapeSpec
{
    // Generous: the machine is small and shared; a healthy run takes a few seconds.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Prometheus_scrapes_a_node_and_reads_back_that_it_is_up_in_its_cluster()
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

            var sample = await WaitForSampleAsync(prometheus, "edgecity_cluster_self_up == 1");

            Assert.Equal("edgecity", sample.GetProperty("metric").GetProperty("job").GetString());
            Assert.Equal(node.Authority, sample.GetProperty("metric").GetProperty("instance").GetString());
            Assert.Equal("1", sample.GetProperty("value")[1].GetString());
            var info = await WaitForSampleAsync(prometheus, "edgecity_node_info");
            Assert.Equal("test", info.GetProperty("metric").GetProperty("mode").GetString());

            // The site's rule file loads into the real server: both groups, every alert the README describes.
            var ruleGroups = JsonDocument.Parse(await prometheus.Http.GetStringAsync("api/v1/rules")).RootElement
                .GetProperty("data").GetProperty("groups").EnumerateArray().ToList();
            Assert.Equal(["edgecity.alerts", "edgecity.recording"], ruleGroups.Select(g => g.GetProperty("name").GetString()).Order());
            var alerts = ruleGroups.Single(g => g.GetProperty("name").GetString() == "edgecity.alerts").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("name").GetString()).ToList();
            Assert.Contains("EdgeCityCameraDown", alerts);
            Assert.Contains("EdgeCityNodeUnreachable", alerts);
            Assert.All(ruleGroups.SelectMany(g => g.GetProperty("rules").EnumerateArray()),
                r => Assert.Equal("ok", r.GetProperty("health").GetString()));
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

    /// <summary>The node is an Up cluster member once /healthz/ready answers 200; only then is self_up 1 to scrape.</summary>
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

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EdgeCity.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no EdgeCity.sln above {AppContext.BaseDirectory}");
    }
}
