using System.Diagnostics;
using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace EdgeCity.Node.Tests.Cluster;

public sealed class KillNineSpec(ITestOutputHelper output) : IDisposable
{
    private const string Singleton = "Cluster singleton corridor-coordinator running on";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private readonly string _dir = Directory.CreateTempSubdirectory("edgecity-kill9-").FullName;
    private readonly List<ClusterNodeProcess> _nodes = [];

    [Fact]
    public async Task Survivors_down_a_node_killed_with_sigkill_and_run_the_corridor_singleton_again()
    {
        // Production timings (the defaults in EdgeCityClusterOptions): these are the figures the README reports.
        var clock = Stopwatch.StartNew();
        var ports = Enumerable.Range(0, 3).Select(_ => ClusterNodeProcess.FreePort()).ToArray();
        for (var i = 0; i < 3; i++)
        {
            _nodes.Add(ClusterNodeProcess.Start($"box-{i + 1}", ports[i], WriteSite(i + 1), Environment(i + 1, ports), clock));
        }

        var urls = new string[3];
        for (var i = 0; i < 3; i++)
        {
            urls[i] = await WaitForUrlAsync(_nodes[i]);
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await WaitAsync(async () => (await Task.WhenAll(urls.Select(u => MembersAsync(http, u)))).All(m => m is (3, 0)), "three Up members seen by every node");
        var victim = _nodes[0];
        await WaitAsync(() => Task.FromResult(victim.FirstLine(TimeSpan.Zero, Singleton, victim.Address) is not null), "the singleton on box-1, the oldest node");
        var survivors = _nodes.Skip(1).ToArray();

        var killedAt = clock.Elapsed;
        var killedWallClock = DateTimeOffset.UtcNow;
        victim.Process.Kill(); // SIGKILL on Linux: no leave, no shutdown, sockets vanish as when a box loses power.

        await WaitAsync(() => Task.FromResult(survivors.Any(s => s.FirstLine(killedAt, Singleton) is not null)), "the singleton running again on a survivor");
        await WaitAsync(async () => (await Task.WhenAll(urls.Skip(1).Select(u => MembersAsync(http, u)))).All(m => m is (2, 0)), "survivors with two Up members and none unreachable");

        var unreachable = First(survivors, killedAt, victim.Address, "UnreachableMember");
        var downed = First(survivors, killedAt, "SBR took decision");
        var removed = First(survivors, killedAt, victim.Address, "is Removed");
        var singleton = First(survivors, killedAt, Singleton)!.Value;
        var host = survivors.First(s => s.FirstLine(killedAt, Singleton) == singleton);
        var figures = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"kill -9 of box-1 (singleton host), production timings; seconds after the kill:")
            .AppendLine(CultureInfo.InvariantCulture, $"  marked unreachable      {Seconds(unreachable, killedAt)}")
            .AppendLine(CultureInfo.InvariantCulture, $"  downed by the SBR       {Seconds(downed, killedAt)}")
            .AppendLine(CultureInfo.InvariantCulture, $"  removed from cluster    {Seconds(removed, killedAt)}")
            .AppendLine(CultureInfo.InvariantCulture, $"  singleton running again {Seconds(singleton, killedAt)} on {host.Name}")
            .ToString();
        output.WriteLine(figures);
        await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), "edgecity-kill9-figures.txt"), figures);

        Assert.NotNull(unreachable);
        Assert.NotNull(removed);
        Assert.True(unreachable <= singleton, "the singleton cannot come back before its node is even unreachable");
        Assert.Contains(host, survivors);

        // Every intersection on the surviving boxes had a valid plan throughout (once the signal audit log is merged).
        foreach (var (node, index) in survivors.Select((n, i) => (n, i + 2)))
        {
            var (entries, problems) = AuditLogCheck.Check(AuditDirectory(index), killedWallClock.AddSeconds(-5), DateTimeOffset.UtcNow);
            output.WriteLine($"{node.Name}: {entries} audit entries, {problems.Count} problems");
            Assert.True(entries > 0, $"{node.Name} wrote no signal audit log");
            Assert.Empty(problems);
        }
    }

    public void Dispose()
    {
        foreach (var node in _nodes)
        {
            node.Dispose();
        }

        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static TimeSpan? First(IEnumerable<ClusterNodeProcess> nodes, TimeSpan since, params string[] parts) =>
        nodes.Select(n => n.FirstLine(since, parts)).Where(t => t is not null).Min();

    private static string Seconds(TimeSpan? at, TimeSpan since) =>
        at is { } t ? (t - since).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s" : "not seen in the log";

    private static async Task<(int Up, int Unreachable)> MembersAsync(HttpClient http, string url)
    {
        var text = await http.GetStringAsync(url + "/metrics");
        return (Gauge(text, "edgecity_cluster_members{status=\"up\"}"), Gauge(text, "edgecity_cluster_members{status=\"unreachable\"}"));
    }

    private static int Gauge(string text, string series)
    {
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        return line is null ? -1 : (int)double.Parse(line[(series.Length + 1)..], CultureInfo.InvariantCulture);
    }

    private async Task<string> WaitForUrlAsync(ClusterNodeProcess node)
    {
        const string Marker = "Now listening on: ";
        string? url = null;
        await WaitAsync(
            () =>
            {
                var text = node.Output;
                var at = text.IndexOf(Marker, StringComparison.Ordinal);
                if (at >= 0)
                {
                    var end = text.IndexOf('\n', at);
                    url = (end < 0 ? text[(at + Marker.Length)..] : text[(at + Marker.Length)..end]).Trim();
                }

                return Task.FromResult(url is not null);
            },
            $"{node.Name} listening");
        return url!;
    }

    private async Task WaitAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            foreach (var exited in _nodes.Skip(1).Where(n => n.Process.HasExited))
            {
                Assert.Fail($"{exited.Name} exited with {exited.Process.ExitCode}:\n{exited.Output}");
            }

            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        Assert.Fail($"not within {Patience}: {what}\n" + string.Join("\n\n", _nodes.Select(n => $"--- {n.Name}\n{n.Output}")));
    }

    private Dictionary<string, string> Environment(int index, int[] ports) => new()
    {
        ["EdgeCity__Cluster__SeedNodes__0"] = $"akka.tcp://edgecity@127.0.0.1:{ports[0]}",
        ["EdgeCity__Cluster__SeedNodes__1"] = $"akka.tcp://edgecity@127.0.0.1:{ports[1]}",
        // Where the signal audit log goes once signal control is merged (see AuditLogCheck).
        ["EdgeCity__Signals__AuditDirectory"] = AuditDirectory(index),
    };

    private string AuditDirectory(int index) => Path.Combine(_dir, $"audit-{index}");

    private string WriteSite(int index)
    {
        var path = Path.Combine(_dir, $"site-{index}.json");
        File.WriteAllText(path, $$"""
            { "name": "kill9-box-{{index}}",
              "intersections": [ { "id": "J{{index}}", "controller": "fixed", "approaches": [ { "id": "N" }, { "id": "S" } ] } ] }
            """);
        return path;
    }
}
