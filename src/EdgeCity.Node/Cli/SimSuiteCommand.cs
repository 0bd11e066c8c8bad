using System.CommandLine;
using EdgeCity.Domain.Control.Controllers;
using EdgeCity.Simulation.Sumo;
using EdgeCity.Simulation.Suite;

namespace EdgeCity.Node.Cli;

/// <summary>
/// <c>edgecity sim suite</c>: every scenario of a suite file (the real-city scenarios, the demo site, the game
/// scenarios) for N seeds under EdgeCity, SUMO fixed and SUMO actuated, then one table. Each finished run is written to
/// the results file at once; running again with the same file resumes.
/// </summary>
public static class SimSuiteCommand
{
    public const string DefaultSuite = "deploy/sim/suite.txt";

    public static Command Build()
    {
        var suiteFile = new Option<FileInfo>("--suite") { Description = $"The suite file: one scenario a line, 'name: --sumocfg <file>' or 'name: --net <file> --routes <file> [--end s]'.", DefaultValueFactory = _ => new FileInfo(DefaultSuite) };
        var seeds = new Option<int>("--seeds") { Description = "Seeds 1..N per scenario.", DefaultValueFactory = _ => 3 };
        var controller = new Option<string>("--controller") { Description = $"EdgeCity's controller: {string.Join(", ", SignalControllers.Names)}.", DefaultValueFactory = _ => "schedule" };
        var only = new Option<string[]>("--only") { Description = "Run only these scenarios (names from the suite file).", AllowMultipleArgumentsPerToken = true };
        var results = new Option<FileInfo>("--results")
        {
            Description = "JSON lines, one finished run each, written as runs finish; runs already in it are not run again (delete it to start over).",
            DefaultValueFactory = _ => new FileInfo(".build/sim-suite/results.jsonl"),
        };
        var command = new Command("suite", "Run a suite of scenarios for N seeds (EdgeCity, SUMO fixed, SUMO actuated) and print one table; resumable.")
        {
            suiteFile, seeds, controller, only, results,
        };
        command.SetAction(async (parse, ct) =>
        {
            var name = parse.GetValue(controller)!.ToLowerInvariant();
            if (!SignalControllers.Names.Contains(name))
            {
                await Console.Error.WriteLineAsync($"--controller: unknown controller '{name}'; known: {string.Join(", ", SignalControllers.Names)}");
                return 2;
            }

            IReadOnlyList<SuiteScenario> suite;
            try
            {
                suite = SuiteFile.Read(parse.GetValue(suiteFile)!.FullName, SumoInstallation.Require().SumoHome);
                var wanted = parse.GetValue(only) ?? [];
                var unknown = wanted.Where(w => suite.All(s => s.Name != w)).ToList();
                if (unknown.Count > 0)
                {
                    throw new InvalidDataException($"--only: no scenario {string.Join(", ", unknown)} in the suite (has: {string.Join(", ", suite.Select(s => s.Name))})");
                }

                suite = wanted.Length == 0 ? suite : suite.Where(s => wanted.Contains(s.Name)).ToList();
            }
            catch (Exception ex) when (ex is FileNotFoundException or InvalidDataException or InvalidOperationException)
            {
                await Console.Error.WriteLineAsync(ex.Message);
                return 2;
            }

            var resultsPath = parse.GetValue(results)!.FullName;
            var work = Path.Combine(Path.GetTempPath(), $"edgecity-suite-{Guid.NewGuid():N}");
            Directory.CreateDirectory(work);
            IReadOnlyList<SuiteResult> all;
            try
            {
                Console.WriteLine($"suite: {suite.Count} scenarios x {Math.Max(1, parse.GetValue(seeds))} seeds x 3 controllers; results in {resultsPath}");
                all = await new SuiteRunner(resultsPath, Console.WriteLine).RunAsync(suite, Math.Max(1, parse.GetValue(seeds)), name, work, ct);
            }
            catch (Exception ex) when (ex is InvalidOperationException or InvalidDataException or FileNotFoundException)
            {
                await Console.Error.WriteLineAsync(ex.Message);
                return 1;
            }
            finally
            {
                SimRunFailure.TryDelete(work);
            }

            Console.WriteLine();
            var seedSet = Enumerable.Range(1, Math.Max(1, parse.GetValue(seeds))).ToHashSet();
            Console.Write(SuiteTable.Format(all.Where(r => seedSet.Contains(r.Seed)), $"edgecity-{name}", suite.Select(s => s.Name)));
            Console.WriteLine("delay / p95 / max wait in seconds (means over seeds), trips completed; ratio: EdgeCity's mean delay over the better baseline's, mean over seeds; "
                + $"met: seeds with delay <= {SuiteTable.DelayTarget:0.00}x the better baseline and trips >= its trips - 1 %");
            return all.Any(r => r.RuleBreaks > 0) ? 3 : 0;
        });
        return command;
    }
}
