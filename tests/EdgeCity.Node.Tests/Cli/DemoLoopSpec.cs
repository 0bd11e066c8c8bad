using System.Globalization;
using System.Text.Json;

namespace EdgeCity.Node.Tests.Cli;

public sealed class DemoLoopSpec : IDisposable
{
    private readonly string _audit = Directory.CreateTempSubdirectory("edgecity-demo-audit-").FullName;

    public void Dispose() => Directory.Delete(_audit, recursive: true);

    [Fact]
    public async Task Demo_runs_the_closed_loop_on_the_twin_with_valid_audited_plans_and_live_metrics()
    {
        using var node = NodeProcess.Start(new Dictionary<string, string> { ["EdgeCity__Signals__AuditDirectory"] = _audit }, "demo", "--port", "0", "--controller", "schedule", "--measure", "detectors");
        var listening = await node.WaitForOutputAsync("Now listening on: ", TimeSpan.FromSeconds(60));
        using var http = new HttpClient { BaseAddress = new Uri(listening["Now listening on: ".Length..].Trim()) };

        // Simulated time moves at real time: wait until the twin has run a few seconds.
        double simTime = 0;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (simTime < 5)
        {
            Assert.True(DateTime.UtcNow < deadline, "the simulation did not advance:\n" + node.Output);
            await Task.Delay(500);
            var metrics = await http.GetStringAsync("/metrics");
            var line = metrics.Split('\n').FirstOrDefault(l => l.StartsWith("edgecity_sim_time_seconds ", StringComparison.Ordinal));
            simTime = line is null ? 0 : double.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture);
        }

        var page = await http.GetStringAsync("/about");
        Assert.Contains("SUMO twin of site &#39;demo&#39;", page);
        Assert.Matches("<p>demo from <code>[^<]*site\\.json</code>: 3 intersections, 12 cameras\\.</p>", page); // not "No site loaded"
        Assert.Contains("measurements from SUMO detectors", page);
        foreach (var id in new[] { "J1", "J2", "J3" })
        {
            Assert.Contains($"<td>{id}</td><td>schedule</td>", page);
            var lines = await ReadSharedAsync(Path.Combine(_audit, $"{id}.jsonl"));
            Assert.NotEmpty(lines);
            foreach (var line in lines)
            {
                using var record = JsonDocument.Parse(line);
                Assert.True(record.RootElement.GetProperty("valid").GetBoolean(), line);
                Assert.Equal(id, record.RootElement.GetProperty("intersection").GetString());
            }
        }

        node.Signal(2);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await node.Process.WaitForExitAsync(cts.Token);
        Assert.Equal(0, node.Process.ExitCode);
    }

    private static async Task<List<string>> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.EndsWith('}'))
            {
                lines.Add(line);
            }
        }

        return lines;
    }
}
