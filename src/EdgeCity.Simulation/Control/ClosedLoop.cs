using System.Diagnostics;
using EdgeCity.Simulation.Network;
using EdgeCity.Simulation.Sumo;

namespace EdgeCity.Simulation.Control;

/// <summary>
/// EdgeCity controlling every signalised junction of a SUMO network, in-process on the simulation clock: each step
/// it reads the detectors of all junctions in a few batched TraCI calls, ticks every junction's controller through
/// its validator, and sets the changed state strings. A rule broken in what was shown fails the run.
/// </summary>
public static class ClosedLoop
{
    public static async Task<SimRunResult> RunAsync(
        SimScenario scenario, SumoNetwork network, string controller, int seed, string workFolder,
        Action<string>? log = null, CancellationToken cancellationToken = default, IClosedLoopMeasurement? measurement = null, bool supervised = true)
    {
        var signals = SumoSignalModelBuilder.BuildAll(network).Where(s => s.Model.Phases.Count > 0).ToList();
        var tripinfo = Path.Combine(workFolder, $"edgecity-{controller}-{seed}.tripinfo.xml");
        var options = new SumoLaunchOptions
        {
            ConfigFile = scenario.ConfigFile,
            NetFile = scenario.ConfigFile is null ? scenario.NetFile : null,
            ExtraArguments = scenario.Arguments(seed, tripinfo, [], inputs: false),
            WorkingDirectory = workFolder,
            StepLength = measurement?.StepLengthSeconds,
        };
        var watch = Stopwatch.StartNew();
        using var sumo = await SumoProcess.StartAsync(options, null, cancellationToken);
        var traci = sumo.Traci;
        traci.Step();
        var t0 = traci.Time;
        traci.Step();
        var time = traci.Time;
        var tick = Math.Max(0.01, time - t0);
        var close = JunctionSpacing.CloselySpaced(signals, network);
        await using var decisions = scenario.DetailedOutputs ? new StreamWriter(Path.Combine(workFolder, $"edgecity-{controller}-{seed}.decisions.csv")) : null;
        decisions?.WriteLine(ControlledJunction.DecisionHeader);
        var junctions = signals.Select(s => new ControlledJunction(s, scenario.ControllerAt.GetValueOrDefault(s.TrafficLight.Id, controller), time, tick, close.Contains(s.TrafficLight.Id), supervised, network) { Decisions = decisions }).ToList();
        var detectors = new SumoDetectors(traci, network, junctions.SelectMany(j => j.Lanes));
        measurement?.Start(traci, junctions);
        log?.Invoke($"seed {seed}: EdgeCity ({controller}) controls {junctions.Count} junctions ({close.Count} closely spaced), reading {detectors.LaneCount} lanes every {tick:0.##} s");
        long steps = 2;
        var changes = new List<(string, string)>();
        while (time < scenario.End - tick / 2)
        {
            cancellationToken.ThrowIfCancellationRequested();
            detectors.Read(time);
            changes.Clear();
            var measured = measurement?.Measure(time);
            foreach (var junction in junctions)
            {
                if (junction.Tick(time, detectors, measured?.GetValueOrDefault(junction.TrafficLightId)) is { } state)
                {
                    changes.Add((junction.TrafficLightId, state));
                }
            }

            traci.SetRedYellowGreenStates(changes);
            var breaks = junctions.SelectMany(j => j.RuleBreaks).ToList();
            if (breaks.Count > 0)
            {
                throw new SignalRuleBrokenException($"seed {seed}, t = {time:0.#} s: {string.Join("; ", breaks.Select(b => $"{b.Rule}: {b.Detail}"))}");
            }

            traci.Step();
            steps++;
            time = traci.Time;
        }

        // Closing lets SUMO write its trip output; wait for it before reading.
        traci.Close();
        var deadline = Stopwatch.StartNew();
        while (!sumo.HasExited && deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(20, cancellationToken);
        }

        var handBacks = junctions.Where(j => j.Supervisor is { HandBacks: > 0 }).ToList();
        if (handBacks.Count > 0)
        {
            log?.Invoke($"seed {seed}: the supervisor handed {handBacks.Count} of {junctions.Count} junctions back to actuated control "
                + $"({string.Join(", ", handBacks.Select(j => $"{j.TrafficLightId} x{j.Supervisor!.HandBacks}, first: {j.Supervisor.Handovers[0].Reason} at {j.Supervisor.Handovers[0].TimeSeconds:0} s"))})");
        }

        var name = supervised || junctions.All(j => j.Supervisor is null) ? $"edgecity-{controller}" : $"edgecity-{controller}-unsupervised";
        return new SimRunResult(name, seed, TripStatistics.Read(tripinfo), watch.Elapsed.TotalSeconds,
            junctions.Count, steps, junctions.Sum(j => j.Prevented), [])
        {
            HandBacks = junctions.Sum(j => j.Supervisor?.HandBacks ?? 0),
            EdgeData = scenario.DetailedOutputs ? SimScenario.EdgeDataPath(tripinfo) : null,
        };
    }
}
