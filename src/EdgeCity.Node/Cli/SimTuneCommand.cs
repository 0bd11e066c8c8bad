using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using EdgeCity.Domain.Sites;
using EdgeCity.Node.CameraLoop;
using EdgeCity.Domain.Control.Controllers;
using EdgeCity.Simulation.Control;
using EdgeCity.Simulation.Network;
using EdgeCity.Simulation.Tuning;

namespace EdgeCity.Node.Cli;

/// <summary>
/// <c>edgecity sim tune</c>: chooses a controller per light in the twin by the network's delay over N seeds
/// (<see cref="ControllerTuning"/>), and prints the choices as a site file and <c>sim --controller-at</c> name them.
/// </summary>
public static class SimTuneCommand
{
    public static Command Build()
    {
        var scenarioOptions = new SimScenarioOptions();
        var controller = new Option<string>("--controller") { Description = $"The default every light starts on: {string.Join(", ", SignalControllers.Names)}.", DefaultValueFactory = _ => "schedule" };
        var candidates = new Option<string[]>("--candidates")
        {
            Description = "The controllers each light is tried on.",
            AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => ["schedule-ordered", "actuated"],
        };
        var lights = new Option<string[]>("--lights") { Description = "Tune only these lights (default: every light EdgeCity controls, by id).", AllowMultipleArgumentsPerToken = true };
        var seeds = new Option<int>("--seeds") { Description = "Seeds 1..N for every set of choices.", DefaultValueFactory = _ => 3 };
        var minGain = new Option<double>("--min-gain") { Description = "The least relative drop in the network's mean delay for which a light's controller is changed.", DefaultValueFactory = _ => 0.02 };
        var results = new Option<FileInfo?>("--results")
        {
            Description = "JSON lines, one measured run each, written as runs finish; runs already in it are not run again (default: .build/sim-tune/<network>-<controller>-<begin>-<end>.jsonl; delete it to start over).",
        };
        var writeSite = new Option<FileInfo?>("--write-site")
        {
            Description = "With --site: write the site with each intersection's controller set to the choice (or --controller) here, in the same folder as the site (its twin's paths are relative to it).",
        };
        var command = new Command("tune", "Choose a controller per light by the network's delay in the twin: each light in turn on each candidate, kept when the whole network gains; resumable.")
        {
            controller, candidates, lights, seeds, minGain, results, writeSite,
        };
        foreach (var option in scenarioOptions.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, ct) =>
        {
            SimScenario scenario;
            SumoNetwork network;
            SimCameraSite? site;
            try
            {
                (scenario, site) = scenarioOptions.Read(parse);
                (scenario, network) = scenario.Load();
            }
            catch (Exception ex) when (ex is ArgumentException or FileNotFoundException or InvalidDataException)
            {
                await Console.Error.WriteLineAsync(ex.Message);
                return 2;
            }

            var name = parse.GetValue(controller)!.ToLowerInvariant();
            var tried = (parse.GetValue(candidates) ?? []).Select(c => c.ToLowerInvariant()).Distinct().ToList();
            var controlled = SumoSignalModelBuilder.BuildAll(network).Where(s => s.Model.Phases.Count > 0).Select(s => s.TrafficLight.Id).Order(StringComparer.Ordinal).ToList();
            var wanted = parse.GetValue(lights) is { Length: > 0 } named ? named.ToList() : controlled;
            var error = tried.Append(name).FirstOrDefault(c => !SignalControllers.Names.Contains(c)) is { } unknown
                    ? $"unknown controller '{unknown}'; known: {string.Join(", ", SignalControllers.Names)}"
                : tried.Count == 0 ? "--candidates: give at least one controller to try"
                : wanted.FirstOrDefault(l => !controlled.Contains(l)) is { } missing
                    ? $"--lights: EdgeCity controls no light '{missing}' here; it controls: {string.Join(", ", controlled)}"
                : parse.GetValue(writeSite) is { } target && (site is null || target.DirectoryName != site.Folder)
                    ? $"--write-site {target.FullName}: {(site is null ? "it needs --site <site.json>, the site to write with the choices" : $"write it in the site's folder, {site.Folder} (the twin's paths are relative to it)")}"
                : null;
            if (error is not null)
            {
                await Console.Error.WriteLineAsync(error);
                return 2;
            }

            var resultsPath = parse.GetValue(results)?.FullName
                ?? Path.GetFullPath(Path.Combine(".build", "sim-tune", string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(scenario.NetFile).Split('.')[0]}-{name}-{scenario.Begin:0}-{scenario.End:0}.jsonl")));
            var work = Path.Combine(Path.GetTempPath(), $"edgecity-tune-{Guid.NewGuid():N}");
            Directory.CreateDirectory(work);
            foreach (var note in scenario.Notes)
            {
                Console.WriteLine($"note: {note}");
            }

            Console.WriteLine($"tune: {wanted.Count} lights x {tried.Count} candidates ({string.Join(", ", tried)}) over {Math.Max(1, parse.GetValue(seeds))} seeds, from {name} everywhere; results in {resultsPath}");
            TuningOutcome outcome;
            try
            {
                var tuning = new ControllerTuning(async (choices, seed, token) =>
                {
                    var run = await ClosedLoop.RunAsync(scenario with { ControllerAt = choices }, network, name, seed, work, null, token);
                    return new TuningTrial(string.Empty, seed, run.Trips.MeanDelaySeconds, run.Trips.TripsCompleted, run.Trips.Trips);
                }, resultsPath, Console.WriteLine) { MinGain = parse.GetValue(minGain) };
                outcome = await tuning.RunAsync(wanted, tried, Math.Max(1, parse.GetValue(seeds)), ct);
            }
            catch (Exception ex) when (SimRunFailure.IsReported(ex))
            {
                return await SimRunFailure.ReportAsync(ex);
            }
            finally
            {
                SimRunFailure.TryDelete(work);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"tuned: {outcome.MeanDelaySeconds:0.0} s mean delay and {outcome.TripsCompleted:0} trips completed, against {outcome.DefaultMeanDelaySeconds:0.0} s and {outcome.DefaultTripsCompleted:0} with {name} everywhere"));
            Console.WriteLine(outcome.Chosen.Count == 0
                ? $"keep {name} on every light"
                : $"choose: {string.Join(' ', outcome.Chosen.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"--controller-at {c.Key}={c.Value}"))} (in a site file: each intersection's \"controller\")");
            if (parse.GetValue(writeSite) is { } siteOut)
            {
                var tuned = site!.Site with
                {
                    Intersections = site.Site.Intersections
                        .Select(i => i.SumoTls is { } tls && controlled.Contains(tls) ? i with { Controller = outcome.Chosen.GetValueOrDefault(tls, name) } : i).ToList(),
                };
                await File.WriteAllTextAsync(siteOut.FullName,
                    JsonSerializer.Serialize(tuned, new JsonSerializerOptions(SiteFile.JsonOptions) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull }) + Environment.NewLine, ct);
                Console.WriteLine($"{siteOut.FullName}: site '{tuned.Name}' with the tuned controllers");
            }

            return 0;
        });
        return command;
    }
}
