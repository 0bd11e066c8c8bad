using System.Globalization;
using System.Xml;
using EdgeCity.Simulation.Network;

namespace EdgeCity.Simulation.Control;

/// <summary>
/// Where one run's vehicles stood longer or shorter than another's on the same demand and seed, edge by edge, from
/// SUMO's per-edge totals (<c>--edgedata-output</c>: waitingTime, vehicle-seconds standing over the run). It points at
/// the approach, and the light it feeds, where a controller loses or wins: the edges upstream of a light whose queue
/// backs up show it too.
/// </summary>
public static class EdgeWaiting
{
    /// <summary>One edge: vehicle-seconds standing in the run and in the reference run, and the lights it feeds.</summary>
    public sealed record Difference(string EdgeId, double Seconds, double ReferenceSeconds, IReadOnlyList<string> Lights)
    {
        public double More => Seconds - ReferenceSeconds;
    }

    /// <summary>Vehicle-seconds standing per edge in one edgedata file (internal edges left out).</summary>
    public static Dictionary<string, double> Read(string edgeDataPath)
    {
        var waiting = new Dictionary<string, double>(StringComparer.Ordinal);
        using var reader = XmlReader.Create(edgeDataPath, new XmlReaderSettings { IgnoreComments = true });
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Name == "edge" && reader.GetAttribute("id") is { } id && !id.StartsWith(':'))
            {
                var seconds = double.TryParse(reader.GetAttribute("waitingTime"), NumberStyles.Float, CultureInfo.InvariantCulture, out var w) ? w : 0;
                waiting[id] = waiting.GetValueOrDefault(id) + seconds;
            }
        }

        return waiting;
    }

    /// <summary>Every edge of either run, the one whose vehicles stood longest beyond the reference's first.</summary>
    public static IReadOnlyList<Difference> Compare(string edgeData, string referenceEdgeData, SumoNetwork network)
    {
        var run = Read(edgeData);
        var reference = Read(referenceEdgeData);
        var lights = network.Connections.Where(c => c.TrafficLight is not null).GroupBy(c => c.FromEdge)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(c => c.TrafficLight!).Distinct().Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        return run.Keys.Union(reference.Keys)
            .Select(e => new Difference(e, run.GetValueOrDefault(e), reference.GetValueOrDefault(e), lights.GetValueOrDefault(e) ?? []))
            .OrderByDescending(d => d.More)
            .ToList();
    }
}
