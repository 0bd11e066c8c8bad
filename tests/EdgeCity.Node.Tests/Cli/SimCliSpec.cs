using System.Text.Json;

namespace EdgeCity.Node.Tests.Cli;

public sealed class SimCliSpec : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"edgecity-sim-{Guid.NewGuid():N}");

    public SimCliSpec()
    {
        Directory.CreateDirectory(_folder);
        foreach (var file in new[] { "cross.net.xml", "cross.rou.xml" })
        {
            File.Copy(Path.Combine("/usr/share/sumo/tools/game/cross", file), Path.Combine(_folder, file));
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Sim_on_the_cross_scenario_reports_every_controller_with_no_violation_and_sane_figures()
    {
        var report = Path.Combine(_folder, "report.json");

        var (code, output) = await NodeProcess.RunAsync(
            "sim", "--net", Path.Combine(_folder, "cross.net.xml"), "--routes", Path.Combine(_folder, "cross.rou.xml"),
            "--end", "300", "--seeds", "1", "--controller", "schedule", "--report", report);

        Assert.True(code == 0, output);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(report));
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("junctions").GetInt32());
        Assert.Equal(0, root.GetProperty("violations").GetInt64());
        Assert.Equal([1], root.GetProperty("seeds").EnumerateArray().Select(s => s.GetInt32()));
        var controllers = root.GetProperty("controllers").EnumerateArray().ToDictionary(c => c.GetProperty("controller").GetString()!);
        Assert.Equal(["edgecity-schedule", "sumo-actuated", "sumo-fixed"], controllers.Keys.Order());
        foreach (var (name, c) in controllers)
        {
            var delay = c.GetProperty("meanDelaySeconds").GetDouble();
            var trip = c.GetProperty("meanTripSeconds").GetDouble();
            var completed = c.GetProperty("tripsCompleted").GetDouble();
            Assert.True(delay is > 0 and < 120, $"{name}: mean delay {delay}");
            Assert.True(c.GetProperty("p95DelaySeconds").GetDouble() >= delay, name);
            Assert.True(c.GetProperty("meanWaitingSeconds").GetDouble() <= delay + 1e-9, name);
            Assert.True(trip > delay, $"{name}: trip {trip} vs delay {delay}");

            // The cross sends about 0.6 vehicles per second; most of five minutes' trips end.
            Assert.True(completed is > 60 and < 300, $"{name}: {completed} trips completed");
            Assert.Equal(0, c.GetProperty("violations").GetInt64());
            var seed = Assert.Single(c.GetProperty("perSeed").EnumerateArray());
            Assert.Equal(delay, seed.GetProperty("meanDelaySeconds").GetDouble(), 6);
        }
    }

    [Fact]
    public async Task Sim_with_outputs_keeps_every_runs_files_and_says_which_edges_waited_longer_than_the_better_baseline()
    {
        var kept = Path.Combine(_folder, "outputs");

        var (code, output) = await NodeProcess.RunAsync(
            "sim", "--net", Path.Combine(_folder, "cross.net.xml"), "--routes", Path.Combine(_folder, "cross.rou.xml"),
            "--end", "300", "--seeds", "1", "--outputs", kept);

        Assert.True(code == 0, output);
        foreach (var run in new[] { "edgecity-schedule-1", "sumo-fixed-1", "sumo-actuated-1" })
        {
            Assert.True(File.Exists(Path.Combine(kept, $"{run}.tripinfo.xml")), run);
            Assert.True(File.Exists(Path.Combine(kept, $"{run}.edgedata.xml")), run);
        }

        Assert.True(File.ReadAllLines(Path.Combine(kept, "edgecity-schedule-1.decisions.csv")).Length > 2);

        // The cross's four approaches all feed light 0: the edges listed name it.
        var summary = output.Split('\n').SkipWhile(l => !l.StartsWith("seed 1: vehicle-seconds standing, edgecity-schedule against sumo-", StringComparison.Ordinal)).Take(3).ToList();
        Assert.True(summary.Count == 3, output);
        Assert.Matches(@"all edges [0-9,]+ against [0-9,]+", summary[0]);
        Assert.StartsWith("  longer:", summary[1], StringComparison.Ordinal);
        Assert.StartsWith("  shorter:", summary[2], StringComparison.Ordinal);
        Assert.Contains("(feeds light 0)", summary[1] + summary[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sim_runs_a_light_named_by_controller_at_on_that_controller_and_refuses_a_light_or_controller_it_does_not_know()
    {
        string[] Args(string at) =>
            ["sim", "--net", Path.Combine(_folder, "cross.net.xml"), "--routes", Path.Combine(_folder, "cross.rou.xml"), "--end", "120", "--baselines", "false", "--controller-at", at];

        var (code, output) = await NodeProcess.RunAsync(Args("0=fixed"));
        Assert.True(code == 0, output);
        Assert.Contains("note: light 0 runs EdgeCity fixed, the others schedule", output, StringComparison.Ordinal);

        // The cross has one light: with it on fixed time, the run is EdgeCity's fixed-time run, vehicle for vehicle.
        var (fixedCode, fixedOutput) = await NodeProcess.RunAsync(
            "sim", "--net", Path.Combine(_folder, "cross.net.xml"), "--routes", Path.Combine(_folder, "cross.rou.xml"), "--end", "120", "--baselines", "false", "--controller", "fixed");
        Assert.True(fixedCode == 0, fixedOutput);
        string Delay(string text, string run) => text.Split('\n').First(l => l.StartsWith($"seed 1 {run}:", StringComparison.Ordinal)).Split(',')[0].Split(':')[1];
        Assert.Equal(Delay(fixedOutput, "edgecity-fixed"), Delay(output, "edgecity-schedule"));

        var (badLight, badLightOutput) = await NodeProcess.RunAsync(Args("9=actuated"));
        Assert.Equal(2, badLight);
        Assert.Contains("--controller-at 9=actuated: the network has no light '9'; its lights: 0", badLightOutput, StringComparison.Ordinal);

        var (badController, badControllerOutput) = await NodeProcess.RunAsync(Args("0=clever"));
        Assert.Equal(2, badController);
        Assert.Contains("unknown controller 'clever'", badControllerOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sim_without_a_network_exits_2_and_says_what_to_give()
    {
        var (code, output) = await NodeProcess.RunAsync("sim", "--end", "60");

        Assert.Equal(2, code);
        Assert.Contains("give --sumocfg <file>, or --net <net.xml> --routes <rou.xml>", output);
    }

    [Fact]
    public async Task Sim_tune_tries_each_light_on_each_candidate_keeps_only_what_the_network_gains_and_resumes_from_its_results()
    {
        var results = Path.Combine(_folder, "tune.jsonl");
        string[] Args(params string[] more) =>
            ["sim", "tune", "--net", Path.Combine(_folder, "cross.net.xml"), "--routes", Path.Combine(_folder, "cross.rou.xml"), "--end", "300", "--seeds", "1", "--results", results, .. more];

        var (code, output) = await NodeProcess.RunAsync(Args("--candidates", "fixed"));

        Assert.True(code == 0, output);
        var lines = output.Split('\n');
        double Delay(string prefix) => double.Parse(lines.First(l => l.StartsWith(prefix, StringComparison.Ordinal)).Split(':')[1].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        var (start, onFixed) = (Delay("default everywhere:"), Delay("0=fixed:"));
        var kept = onFixed <= start * 0.98;
        Assert.Equal(kept, lines.Any(l => l.StartsWith("keep 0=fixed", StringComparison.Ordinal)));
        Assert.Contains(kept ? "choose: --controller-at 0=fixed" : "keep schedule on every light", output, StringComparison.Ordinal);
        Assert.Equal(2, File.ReadAllLines(results).Length); // the default and 0=fixed, one seed each

        // Again with the same results file: nothing is run again, the same choice comes out.
        var (again, againOutput) = await NodeProcess.RunAsync(Args("--candidates", "fixed"));
        Assert.True(again == 0, againOutput);
        Assert.Equal(2, File.ReadAllLines(results).Length);
        Assert.Contains(kept ? "choose: --controller-at 0=fixed" : "keep schedule on every light", againOutput, StringComparison.Ordinal);

        var (badLight, badLightOutput) = await NodeProcess.RunAsync(Args("--lights", "7"));
        Assert.Equal(2, badLight);
        Assert.Contains("--lights: EdgeCity controls no light '7' here; it controls: 0", badLightOutput, StringComparison.Ordinal);
        var (badCandidate, badCandidateOutput) = await NodeProcess.RunAsync(Args("--candidates", "clever"));
        Assert.Equal(2, badCandidate);
        Assert.Contains("unknown controller 'clever'", badCandidateOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sim_site_runs_each_light_on_the_sites_controller_and_tune_writes_its_choices_into_the_site()
    {
        var site = Path.Combine(_folder, "site.json");
        var (made, madeOutput) = await NodeProcess.RunAsync("site", "from-sumo", Path.Combine(_folder, "cross.net.xml"), "--routes", Path.Combine(_folder, "cross.rou.xml"), "--out", site);
        Assert.True(made == 0, madeOutput);

        // Tuned with fixed time as the only candidate, the written site names what was chosen.
        var tuned = Path.Combine(_folder, "tuned.json");
        var (code, output) = await NodeProcess.RunAsync(
            "sim", "tune", "--site", site, "--end", "120", "--seeds", "1", "--candidates", "fixed", "--results", Path.Combine(_folder, "t.jsonl"), "--write-site", tuned);
        Assert.True(code == 0, output);
        var chosen = output.Contains("choose: --controller-at 0=fixed", StringComparison.Ordinal) ? "fixed" : "schedule";
        Assert.Contains(chosen == "fixed" ? "choose: --controller-at 0=fixed" : "keep schedule on every light", output, StringComparison.Ordinal);
        var written = await File.ReadAllTextAsync(tuned);
        using (var json = JsonDocument.Parse(written))
        {
            Assert.Equal(chosen, json.RootElement.GetProperty("intersections")[0].GetProperty("controller").GetString());
        }

        // A site that puts the light on fixed time: sim --site runs it so, as the box would.
        await File.WriteAllTextAsync(tuned, written.Replace($"\"controller\": \"{chosen}\"", "\"controller\": \"fixed\"", StringComparison.Ordinal));
        var (siteRun, siteOutput) = await NodeProcess.RunAsync("sim", "--site", tuned, "--end", "120", "--baselines", "false");
        Assert.True(siteRun == 0, siteOutput);
        Assert.Contains("note: light 0 runs EdgeCity fixed as the site sets it, the others schedule", siteOutput, StringComparison.Ordinal);
        var (fixedRun, fixedOutput) = await NodeProcess.RunAsync("sim", "--site", tuned, "--end", "120", "--baselines", "false", "--controller", "fixed");
        Assert.True(fixedRun == 0, fixedOutput);
        string Delay(string text, string run) => text.Split('\n').First(l => l.StartsWith($"seed 1 {run}:", StringComparison.Ordinal)).Split(',')[0].Split(':')[1];
        Assert.Equal(Delay(fixedOutput, "edgecity-fixed"), Delay(siteOutput, "edgecity-schedule"));

        // --controller overrides the site's choices.
        var (overridden, overriddenOutput) = await NodeProcess.RunAsync("sim", "--site", tuned, "--end", "60", "--baselines", "false", "--controller", "actuated");
        Assert.True(overridden == 0, overriddenOutput);
        Assert.DoesNotContain("as the site sets it", overriddenOutput, StringComparison.Ordinal);

        var (elsewhere, elsewhereOutput) = await NodeProcess.RunAsync(
            "sim", "tune", "--site", site, "--end", "60", "--seeds", "1", "--write-site", Path.Combine(Path.GetTempPath(), "tuned.json"));
        Assert.Equal(2, elsewhere);
        Assert.Contains("write it in the site's folder", elsewhereOutput, StringComparison.Ordinal);
    }
}
