namespace EdgeCity.Simulation.Network;

/// <summary>
/// The signal programmes SUMO actually runs: a scenario's additional files may carry <c>tlLogic</c>s (a city's own
/// programmes) that replace the network's, and SUMO runs the last one loaded per light. EdgeCity's signal model, its
/// fixed-time fallback and the actuated baseline must start from those, not from the network's defaults: on Bologna's
/// acosta the network's defaults gave 532 s mean delay in SUMO and the city's programmes 197 s.
/// </summary>
public static class LoadedPrograms
{
    /// <summary>
    /// The network with each light's running programme first in <see cref="SumoTrafficLight.Programs"/>. An additional
    /// file with a programme SUMO would refuse (unknown light, a state string of another length) is returned in
    /// <c>Rejected</c> with the reason, and none of its programmes is applied.
    /// </summary>
    public static (SumoNetwork Network, IReadOnlyList<(string File, string Reason)> Rejected, int Applied) Apply(SumoNetwork network, IEnumerable<string> additionalFiles)
    {
        var running = new Dictionary<string, SumoProgram>(StringComparer.Ordinal);
        var rejected = new List<(string, string)>();
        foreach (var file in additionalFiles)
        {
            var programs = SumoNetworkReader.ReadPrograms(file);
            var reason = programs.Select(p => Mismatch(network, p)).FirstOrDefault(r => r is not null);
            if (reason is not null)
            {
                rejected.Add((file, reason));
                continue;
            }

            foreach (var program in programs)
            {
                running[program.TrafficLightId] = program;
            }
        }

        if (running.Count == 0)
        {
            return (network, rejected, 0);
        }

        var lights = network.TrafficLights.ToDictionary(
            kv => kv.Key,
            kv => running.TryGetValue(kv.Key, out var p)
                ? kv.Value with { Programs = [p, .. kv.Value.Programs.Where(o => o.ProgramId != p.ProgramId)] }
                : kv.Value,
            StringComparer.Ordinal);
        return (network with { TrafficLights = lights }, rejected, running.Count);
    }

    private static string? Mismatch(SumoNetwork network, SumoProgram program)
    {
        if (!network.TrafficLights.TryGetValue(program.TrafficLightId, out var light))
        {
            return $"traffic light '{program.TrafficLightId}' is not in {Path.GetFileName(network.Source)}";
        }

        var links = light.Links.Count == 0 ? light.LinkCount : light.Links.Keys.Max() + 1;
        var bad = program.Phases.FirstOrDefault(p => p.State.Length < links);
        return program.Phases.Count == 0
            ? $"traffic light '{program.TrafficLightId}' program '{program.ProgramId}' has no phases"
            : bad is null ? null : $"traffic light '{program.TrafficLightId}' program '{program.ProgramId}' drives {bad.State.Length} links, the network's light has {links}";
    }
}
