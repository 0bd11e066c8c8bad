using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace EdgeCity.Node.Tests.Cli;

/// <summary>
/// SUMO killed under the running demo: readiness goes false with the reason, the coordinators (whose clock now follows
/// the wall clock) fall back as their data goes stale, and the demo restarts the twin and is ready again.
/// </summary>
public sealed class DemoTwinRestartSpec
{
    [Fact]
    public async Task A_killed_sumo_makes_the_demo_unready_puts_every_coordinator_on_its_fallback_and_is_restarted()
    {
        // The first restart waits 12 s: longer than the coordinators' 5 s stale age, so the fallback shows.
        using var node = NodeProcess.Start(
            new Dictionary<string, string> { ["EdgeCity__Demo__TwinRestartSeconds"] = "12" },
            "demo", "--port", "0", "--controller", "schedule", "--measure", "detectors");
        using var http = await NodeHttp.ClientAsync(node);
        await UntilAsync(http, m => Value(m, "edgecity_sim_running") == 1 && Value(m, "edgecity_sim_time_seconds") > 2, "the twin never ran", node);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz/ready")).StatusCode);

        var sumo = ChildrenOf(node.Process.Id).Single(p => p.Name == "sumo");
        System.Diagnostics.Process.GetProcessById(sumo.Pid).Kill();

        await UntilAsync(http, m => Value(m, "edgecity_sim_running") == 0, "the twin's death was not noticed", node);
        var unready = await http.GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unready.StatusCode);
        Assert.Contains("SUMO twin stopped", await unready.Content.ReadAsStringAsync());
        await UntilAsync(http, m => new[] { "J1", "J2", "J3" }.All(j => Value(m, $"edgecity_signal_fallback_active{{intersection=\"{j}\"}}") == 1), "the coordinators did not fall back", node);

        // The alarm list says so too: the node's fault and each intersection on its fallback.
        string[] required = ["node:fault", "fallback:J1", "fallback:J2", "fallback:J3"];
        await NodeHttp.UntilAsync(
            http,
            "/api/alarms",
            b => b.Length > 0 && required.All(System.Text.Json.JsonDocument.Parse(b).RootElement.GetProperty("active").EnumerateArray().Select(a => a.GetProperty("id").GetString()).Contains),
            node,
            "the alarm list did not show the node's fault and the three fallbacks",
            seconds: 10);

        await UntilAsync(http, m => Value(m, "edgecity_sim_restarts_total") == 1 && Value(m, "edgecity_sim_running") == 1, "the twin was not restarted", node, seconds: 60);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz/ready")).StatusCode);
    }

    private static Task UntilAsync(HttpClient http, Func<string, bool> holds, string failure, NodeProcess node, int seconds = 45) =>
        NodeHttp.UntilAsync(http, "/metrics", holds, node, failure, seconds);

    private static double Value(string metrics, string series) => NodeHttp.Sum(metrics, Regex.Escape(series));

    /// <summary>The direct children of a process (Linux /proc): pid and command name.</summary>
    private static IEnumerable<(int Pid, string Name)> ChildrenOf(int parent)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(dir, "stat"));
            }
            catch (IOException)
            {
                continue; // the process ended meanwhile
            }

            // pid (comm) state ppid ...: comm may hold spaces, so read after its closing parenthesis.
            var close = stat.LastIndexOf(')');
            var fields = stat[(close + 2)..].Split(' ');
            if (int.Parse(fields[1], CultureInfo.InvariantCulture) == parent)
            {
                yield return (pid, stat[(stat.IndexOf('(') + 1)..close]);
            }
        }
    }
}
