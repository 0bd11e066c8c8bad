namespace EdgeCity.Node.Tests.Cli;

public sealed class SimSuiteCliSpec : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"edgecity-suite-{Guid.NewGuid():N}");

    public SimSuiteCliSpec() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_suite_writes_each_finished_run_at_once_and_a_second_call_resumes_without_running_them_again()
    {
        var suite = Path.Combine(_folder, "suite.txt");
        await File.WriteAllTextAsync(suite, """
            # two short scenarios: an old-form real-city config and a game network
            rilsa1: --sumocfg $SUMO_HOME/tools/sumolib/scenario/scenarios/RealWorld/RiLSA_example1/run.sumo.cfg --end 300
            cross:  --net $SUMO_HOME/tools/game/cross/cross.net.xml --routes $SUMO_HOME/tools/game/cross/cross.rou.xml --end 300
            """);
        var results = Path.Combine(_folder, "results.jsonl");

        var (code, output) = await NodeProcess.RunAsync("sim", "suite", "--suite", suite, "--seeds", "1", "--only", "cross", "--results", results);

        Assert.True(code == 0, output);
        Assert.Equal(3, File.ReadAllLines(results).Length);
        Assert.Contains("[3/3] cross seed 1 sumo-actuated:", output);

        var (again, second) = await NodeProcess.RunAsync("sim", "suite", "--suite", suite, "--seeds", "1", "--results", results);

        Assert.True(again == 0, second);
        // cross was done: only rilsa1's three runs are new, and both rows are in the table.
        Assert.Equal(6, File.ReadAllLines(results).Length);
        Assert.DoesNotContain("cross seed 1 edgecity-schedule:", second);
        Assert.Contains("[6/6] rilsa1 seed 1 sumo-actuated:", second);
        Assert.Matches(@"(?m)^rilsa1\s+1 \|", second);
        Assert.Matches(@"(?m)^cross\s+1 \|.*\|\s+\d\.\d\d\s+[01]/1", second);
    }

    [Fact]
    public async Task A_suite_line_with_an_unknown_option_is_refused_with_file_and_line()
    {
        var suite = Path.Combine(_folder, "bad.txt");
        await File.WriteAllTextAsync(suite, "# one bad line\ncross: --network x.net.xml\n");

        var (code, output) = await NodeProcess.RunAsync("sim", "suite", "--suite", suite);

        Assert.Equal(2, code);
        Assert.Contains($"{suite}:2: unknown option '--network'", output);
    }

    [Fact]
    public async Task A_suite_line_can_set_a_lights_controller_as_a_site_would_and_names_a_light_or_controller_it_does_not_know()
    {
        var suite = Path.Combine(_folder, "suite.txt");
        await File.WriteAllTextAsync(suite, """
            cross:       --net $SUMO_HOME/tools/game/cross/cross.net.xml --routes $SUMO_HOME/tools/game/cross/cross.rou.xml --end 120
            cross-fixed: --net $SUMO_HOME/tools/game/cross/cross.net.xml --routes $SUMO_HOME/tools/game/cross/cross.rou.xml --end 120 --controller-at 0=fixed
            """);
        var results = Path.Combine(_folder, "results.jsonl");

        var (code, output) = await NodeProcess.RunAsync("sim", "suite", "--suite", suite, "--seeds", "1", "--results", results);

        Assert.True(code == 0, output);
        // With its only light on fixed time, cross-fixed's EdgeCity run is EdgeCity's fixed-time run, vehicle for vehicle.
        string Delay(string scenario) => output.Split('\n').First(l => l.Contains($"] {scenario} seed 1 edgecity-schedule:", StringComparison.Ordinal)).Split(':')[1].Trim().Split(' ')[0];
        var (fixedCode, fixedOutput) = await NodeProcess.RunAsync(
            "sim", "--net", "/usr/share/sumo/tools/game/cross/cross.net.xml", "--routes", "/usr/share/sumo/tools/game/cross/cross.rou.xml", "--end", "120", "--baselines", "false", "--controller", "fixed");
        Assert.True(fixedCode == 0, fixedOutput);
        var fixedDelay = fixedOutput.Split('\n').First(l => l.StartsWith("seed 1 edgecity-fixed:", StringComparison.Ordinal)).Split("mean delay ")[1].Split(' ')[0];
        Assert.Equal(fixedDelay, Delay("cross-fixed"));
        Assert.NotEqual(fixedDelay, Delay("cross"));

        await File.WriteAllTextAsync(suite, "cross: --net $SUMO_HOME/tools/game/cross/cross.net.xml --routes $SUMO_HOME/tools/game/cross/cross.rou.xml --end 60 --controller-at 0=clever\n");
        var (badController, badControllerOutput) = await NodeProcess.RunAsync("sim", "suite", "--suite", suite, "--seeds", "1", "--results", Path.Combine(_folder, "r2.jsonl"));
        Assert.Equal(2, badController);
        Assert.Contains($"{suite}:1: --controller-at 0=clever: give <light id>=<controller>", badControllerOutput, StringComparison.Ordinal);

        await File.WriteAllTextAsync(suite, "cross: --net $SUMO_HOME/tools/game/cross/cross.net.xml --routes $SUMO_HOME/tools/game/cross/cross.rou.xml --end 60 --controller-at 9=fixed\n");
        var (badLight, badLightOutput) = await NodeProcess.RunAsync("sim", "suite", "--suite", suite, "--seeds", "1", "--results", Path.Combine(_folder, "r3.jsonl"));
        Assert.Equal(1, badLight);
        Assert.Contains("cross: --controller-at names light '9', which the network does not have; its lights: 0", badLightOutput, StringComparison.Ordinal);
    }
}
