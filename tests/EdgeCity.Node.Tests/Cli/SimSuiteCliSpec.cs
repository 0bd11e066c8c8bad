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
}
