using System.Net;
using System.Text.RegularExpressions;
using EdgeCity.Node.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeCity.Node.Tests.Hosting;

public sealed partial class NodeHostSpec
{
    [Fact]
    public async Task An_in_process_node_becomes_ready_and_serves_prometheus_text()
    {
        await using var app = NodeHost.Build(new NodeLaunch { Mode = "test", HttpUrls = "http://127.0.0.1:0", ClusterPort = 0 });
        await app.StartAsync();
        try
        {
            var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };

            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz/live")).StatusCode);
            var ready = await WaitForReadyAsync(http, TimeSpan.FromSeconds(30));
            Assert.Equal(HttpStatusCode.OK, ready);

            var metrics = await http.GetStringAsync("/metrics");
            Assert.Contains("edgecity_cluster_self_up 1", metrics);
            Assert.Contains("edgecity_node_info{", metrics);
            Assert.Contains("process_cpu_seconds_total", metrics);
            AssertPrometheusTextFormat(metrics);

            var page = await http.GetStringAsync("/");
            Assert.Contains("EdgeCity node", page);
            Assert.Contains("test", page);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private static async Task<HttpStatusCode> WaitForReadyAsync(HttpClient http, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        HttpStatusCode status;
        do
        {
            status = (await http.GetAsync("/healthz/ready")).StatusCode;
            if (status == HttpStatusCode.OK)
            {
                break;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
        return status;
    }

    /// <summary>Every non-comment line is "name{labels} value" as the Prometheus text exposition format requires.</summary>
    private static void AssertPrometheusTextFormat(string text)
    {
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith('#'))
            {
                Assert.Matches(@"^# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* ", line);
                continue;
            }

            Assert.True(SampleLine().IsMatch(line), $"not a Prometheus sample: {line}");
        }
    }

    [GeneratedRegex(@"^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*=""([^""\\]|\\.)*"",?)*\})? (-?[0-9.eE+-]+|NaN|\+Inf|-Inf)( -?[0-9]+)?$")]
    private static partial Regex SampleLine();
}
