using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using EdgeCity.Domain.Control.Controllers;
using EdgeCity.Node.CameraLoop;
using EdgeCity.Simulation.Control;
using EdgeCity.Simulation.Network;
using EdgeCity.Vision.Inference;

namespace EdgeCity.Node.Cli;

/// <summary>
/// <c>edgecity sim</c>: the closed loop. EdgeCity controls every signalised junction of a SUMO network; on the same
/// demand and seeds SUMO's own fixed-time programs and SUMO's actuated control run too; the report compares them.
/// With <c>--site --cameras</c> EdgeCity also runs measured through the twin's cameras (<see cref="TwinCameraMeasurement"/>).
/// </summary>
public static class SimCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static Command Build()
    {
        var scenarioOptions = new SimScenarioOptions();
        var controller = new Option<string>("--controller") { Description = $"EdgeCity's controller: {string.Join(", ", SignalControllers.Names)}.", DefaultValueFactory = _ => "schedule" };
        var seeds = new Option<int>("--seeds") { Description = "Seeds 1..N, each run for every controller.", DefaultValueFactory = _ => 1 };
        var cameras = new Option<bool>("--cameras")
        {
            Description = $"Also run EdgeCity measured through the camera path (needs --site): every {SimCameraSite.FrameSeconds} s each twin camera is rendered, "
                + "run through the shipped ONNX model and the node's analytics; approaches without a camera use detectors. Reported as edgecity-<controller>-cameras, "
                + $"beside the detector run at the same {SimCameraSite.FrameSeconds} s step. Slow: inference per frame.",
        };
        var supervisor = new Option<bool>("--supervisor")
        {
            Description = "Put the junction supervisor under EdgeCity's adaptive controller, as on a box: it hands a junction back to actuated control on its programme's phases when the adaptive plan does worse (default on; off measures the controller alone).",
            DefaultValueFactory = _ => true,
        };
        var report = new Option<FileInfo?>("--report") { Description = "Write the report JSON here." };
        var baselines = new Option<bool>("--baselines") { Description = "Also run SUMO's fixed-time and actuated control (default on).", DefaultValueFactory = _ => true };
        var controllerAt = new Option<string[]>("--controller-at")
        {
            Description = "Run one light on another controller, as a site file sets one per intersection: <light id>=<controller> (e.g. 219=actuated); repeatable.",
            AllowMultipleArgumentsPerToken = true,
        };
        var outputs = new Option<DirectoryInfo?>("--outputs")
        {
            Description = "Keep SUMO's outputs of every run here (<controller>-<seed>.tripinfo.xml per vehicle, with unfinished and undeparted ones; <controller>-<seed>.edgedata.xml per edge, with its time loss and waiting time; edgecity-<controller>-<seed>.decisions.csv, every phase change EdgeCity asked for with its reason and each movement's queue; SUMO's logs) to find where delay comes from; by default they are deleted.",
        };
        var command = new Command("sim", "Closed loop in SUMO: EdgeCity controls every signal; compared with SUMO fixed-time and actuated on the same demand and seeds.")
        {
            controller, seeds, cameras, supervisor, report, baselines, outputs, controllerAt,
        };
        foreach (var option in scenarioOptions.All)
        {
            command.Options.Add(option);
        }

        command.Subcommands.Add(SimSuiteCommand.Build());
        command.Subcommands.Add(SimTuneCommand.Build());
        command.SetAction(async (parse, ct) =>
        {
            SimScenario scenario;
            SimCameraSite? twinSite = null;
            try
            {
                (scenario, twinSite) = scenarioOptions.Read(parse);
            }
            catch (Exception ex) when (ex is ArgumentException or FileNotFoundException or InvalidDataException)
            {
                await Console.Error.WriteLineAsync(ex.Message);
                return 2;
            }

            var name = parse.GetValue(controller)!.ToLowerInvariant();
            if (!SignalControllers.Names.Contains(name))
            {
                await Console.Error.WriteLineAsync($"--controller: unknown controller '{name}'; known: {string.Join(", ", SignalControllers.Names)}");
                return 2;
            }

            DetectionModel? model = null;
            if (parse.GetValue(cameras))
            {
                try
                {
                    model = (twinSite ?? throw new ArgumentException("it needs --site <site.json>: a site with a twin and posed cameras (e.g. deploy/sites/demo/site.json, or `site from-sumo --cameras` output)"))
                        .LoadModel("models");
                }
                catch (Exception ex) when (ex is ArgumentException or ModelLoadException or IOException)
                {
                    await Console.Error.WriteLineAsync($"--cameras: {ex.Message}");
                    return 2;
                }
            }

            SumoNetwork network;
            try
            {
                (scenario, network) = scenario.Load();
                foreach (var note in scenario.Notes)
                {
                    Console.WriteLine($"note: {note}");
                }
            }
            catch (Exception ex) when (ex is InvalidDataException or FileNotFoundException)
            {
                await Console.Error.WriteLineAsync(ex.Message);
                return 2;
            }

            // A site sets a controller per intersection: unless --controller says otherwise, sim runs what the boxes would.
            var at = twinSite is not null && parse.GetResult(controller) is not { Implicit: false }
                ? twinSite.Controllers.Where(c => network.TrafficLights.ContainsKey(c.Key) && c.Value != name).ToDictionary(StringComparer.Ordinal)
                : new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (light, chosen) in at)
            {
                Console.WriteLine($"note: light {light} runs EdgeCity {chosen} as the site sets it, the others {name}");
            }

            foreach (var pair in parse.GetValue(controllerAt) ?? [])
            {
                var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
                var error = parts.Length != 2 || parts[0].Length == 0 ? $"--controller-at {pair}: give <light id>=<controller>"
                    : !network.TrafficLights.ContainsKey(parts[0]) ? $"--controller-at {pair}: the network has no light '{parts[0]}'; its lights: {string.Join(", ", network.TrafficLights.Keys.Order(StringComparer.Ordinal))}"
                    : !SignalControllers.Names.Contains(parts[1].ToLowerInvariant()) ? $"--controller-at {pair}: unknown controller '{parts[1]}'; known: {string.Join(", ", SignalControllers.Names)}"
                    : null;
                if (error is not null)
                {
                    await Console.Error.WriteLineAsync(error);
                    return 2;
                }

                at[parts[0]] = parts[1].ToLowerInvariant();
                Console.WriteLine($"note: light {parts[0]} runs EdgeCity {parts[1].ToLowerInvariant()}, the others {name}");
            }

            var kept = parse.GetValue(outputs);
            scenario = scenario with { ControllerAt = at };
            scenario = scenario with { DetailedOutputs = kept is not null };
            var work = kept?.FullName ?? Path.Combine(Path.GetTempPath(), $"edgecity-sim-{Guid.NewGuid():N}");
            Directory.CreateDirectory(work);
            var results = new List<SimRunResult>();
            try
            {
                for (var seed = 1; seed <= Math.Max(1, parse.GetValue(seeds)); seed++)
                {
                    var run = await ClosedLoop.RunAsync(scenario, network, name, seed, work, Console.WriteLine, ct, model is null ? null : new StepLengthOnly(SimCameraSite.FrameSeconds), parse.GetValue(supervisor));
                    Print(run);
                    results.Add(run);
                    if (model is not null)
                    {
                        var camerasRun = await SimCameraRun.RunAsync(scenario, network, name, seed, work, twinSite!, model, ct);
                        Print(camerasRun);
                        results.Add(camerasRun);
                    }

                    if (parse.GetValue(baselines))
                    {
                        var seedBaselines = new List<SimRunResult>();
                        foreach (var actuated in new[] { false, true })
                        {
                            var baseline = await SumoBaseline.RunAsync(scenario, network, actuated, seed, work, ct);
                            Print(baseline);
                            seedBaselines.Add(baseline);
                        }

                        results.AddRange(seedBaselines);
                        PrintWhereItWaits(run, seedBaselines.MinBy(b => b.Trips.MeanDelaySeconds)!, network);
                    }
                }
            }
            catch (Exception ex) when (SimRunFailure.IsReported(ex))
            {
                return await SimRunFailure.ReportAsync(ex);
            }
            finally
            {
                if (kept is null)
                {
                    SimRunFailure.TryDelete(work);
                }

                model?.Dispose();
            }

            var summary = SimReport.From(scenario, results);
            Console.WriteLine();
            Console.WriteLine($"{"controller",-24} {"mean delay s",12} {"mean wait s",12} {"mean trip s",12} {"completed",10} {"p95 delay s",12}");
            foreach (var c in summary.Controllers)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{c.Controller,-24} {c.MeanDelaySeconds,12:0.0} {c.MeanWaitingSeconds,12:0.0} {c.MeanTripSeconds,12:0.0} {c.TripsCompleted,10:0.#} {c.P95DelaySeconds,12:0.0}"));
            }

            if (parse.GetValue(report) is { } reportFile)
            {
                Directory.CreateDirectory(reportFile.DirectoryName ?? ".");
                await File.WriteAllTextAsync(reportFile.FullName, JsonSerializer.Serialize(summary, Json), ct);
                Console.WriteLine($"report: {reportFile.FullName}");
            }

            return 0;
        });
        return command;
    }

    private static void Print(SimRunResult r) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seed {r.Seed} {r.Controller}: mean delay {r.Trips.MeanDelaySeconds:0.0} s, {r.Trips.TripsCompleted}/{r.Trips.Trips} trips completed, {r.WallSeconds:0.0} s wall{(r.HandBacks > 0 ? $", {r.HandBacks} hand-backs to actuated control" : string.Empty)}"));

    /// <summary>With <c>--outputs</c>: the edges where EdgeCity's vehicles stood longest beyond the better baseline's, and shortest.</summary>
    private static void PrintWhereItWaits(SimRunResult run, SimRunResult reference, SumoNetwork network)
    {
        if (run.EdgeData is not { } edges || reference.EdgeData is not { } referenceEdges || !File.Exists(edges) || !File.Exists(referenceEdges))
        {
            return;
        }

        var differences = EdgeWaiting.Compare(edges, referenceEdges, network);
        string Line(EdgeWaiting.Difference d) => string.Create(CultureInfo.InvariantCulture,
            $"edge {d.EdgeId}{(d.Lights.Count > 0 ? $" (feeds light {string.Join('/', d.Lights)})" : string.Empty)}: {d.Seconds:N0} against {d.ReferenceSeconds:N0}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seed {run.Seed}: vehicle-seconds standing, {run.Controller} against {reference.Controller} (SUMO's edge totals), all edges {differences.Sum(d => d.Seconds):N0} against {differences.Sum(d => d.ReferenceSeconds):N0}"));
        Console.WriteLine($"  longer:  {string.Join("; ", differences.Where(d => d.More > 0).Take(5).Select(Line))}");
        Console.WriteLine($"  shorter: {string.Join("; ", differences.Where(d => d.More < 0).Reverse().Take(5).Select(Line))}");
    }
}
