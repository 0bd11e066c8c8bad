using System.Globalization;
using System.Xml.Linq;
using EdgeCity.Simulation.Network;

namespace EdgeCity.Simulation.Control;

/// <summary>
/// SUMO's own actuated control on a network's own phases: an additional file with a copy of every traffic light's
/// program as <c>type="actuated"</c> under a new program id, greens bounded like EdgeCity's (<see cref="ControlBounds"/>).
/// Loaded with <c>-a</c>, the last program loaded runs.
/// </summary>
public static class ActuatedPrograms
{
    public const string ProgramId = "edgecity-actuated";

    public static void Write(SumoNetwork network, string path)
    {
        var inv = CultureInfo.InvariantCulture;
        var root = new XElement("additional");
        foreach (var light in network.TrafficLights.Values.OrderBy(l => l.Id, StringComparer.Ordinal))
        {
            var program = light.Programs.FirstOrDefault();
            if (program is null)
            {
                continue;
            }

            var logic = new XElement("tlLogic", new XAttribute("id", light.Id), new XAttribute("type", "actuated"),
                new XAttribute("programID", ProgramId), new XAttribute("offset", program.Offset.ToString(inv)));
            foreach (var phase in program.Phases)
            {
                var element = new XElement("phase", new XAttribute("duration", phase.Duration.ToString(inv)), new XAttribute("state", phase.State));
                var isGreen = phase.State.Any(c => c is 'G' or 'g' or 's') && !phase.State.Any(c => c is 'y' or 'Y' or 'u');
                if (isGreen)
                {
                    var (min, max) = ControlBounds.For(phase.Duration, phase.MinDuration, phase.MaxDuration);
                    element.Add(new XAttribute("minDur", min.ToString(inv)), new XAttribute("maxDur", max.ToString(inv)));
                }

                logic.Add(element);
            }

            root.Add(logic);
        }

        new XDocument(root).Save(path);
    }
}
