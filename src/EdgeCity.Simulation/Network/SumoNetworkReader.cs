using System.Globalization;
using System.Xml;
using EdgeCity.Domain.Geometry;

namespace EdgeCity.Simulation.Network;

/// <summary>Reads a SUMO <c>.net.xml</c> (any version from 1.0 on) into a <see cref="SumoNetwork"/>, streaming the XML once.</summary>
public static class SumoNetworkReader
{
    public static SumoNetwork Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"SUMO network not found: {Path.GetFullPath(path)}", path);
        }

        try
        {
            using var stream = File.OpenRead(path);
            using var xml = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, IgnoreComments = true });
            return Read(xml, path);
        }
        catch (XmlException ex)
        {
            throw new InvalidDataException($"{path}: not a readable SUMO network: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// The <c>tlLogic</c> programs of an additional file (a city's own programmes usually live in one), in file order.
    /// Other elements are skipped.
    /// </summary>
    public static IReadOnlyList<SumoProgram> ReadPrograms(string additionalFile)
    {
        try
        {
            using var stream = File.OpenRead(additionalFile);
            using var xml = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, IgnoreComments = true });
            var programs = new List<SumoProgram>();
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.Name == "tlLogic")
                {
                    programs.Add(ReadProgram(xml));
                }
            }

            return programs;
        }
        catch (XmlException ex)
        {
            throw new InvalidDataException($"{additionalFile}: not a readable SUMO additional file: {ex.Message}", ex);
        }
    }

    private static SumoNetwork Read(XmlReader xml, string source)
    {
        var edges = new Dictionary<string, SumoEdge>(StringComparer.Ordinal);
        var lanes = new Dictionary<string, SumoLane>(StringComparer.Ordinal);
        var junctions = new Dictionary<string, SumoJunction>(StringComparer.Ordinal);
        var connections = new List<SumoConnection>();
        var programs = new List<SumoProgram>();
        var sawNet = false;

        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            switch (xml.Name)
            {
                case "net":
                    sawNet = true;
                    break;
                case "edge":
                    var edge = ReadEdge(xml);
                    edges[edge.Id] = edge;
                    foreach (var lane in edge.Lanes)
                    {
                        lanes[lane.Id] = lane;
                    }

                    break;
                case "junction":
                    var junction = ReadJunction(xml);
                    junctions[junction.Id] = junction;
                    break;
                case "connection":
                    connections.Add(ReadConnection(xml));
                    break;
                case "tlLogic":
                    programs.Add(ReadProgram(xml));
                    break;
            }
        }

        if (!sawNet)
        {
            throw new InvalidDataException($"{source}: no <net> element; is this a SUMO network file?");
        }

        return new SumoNetwork(source, edges, lanes, junctions, connections, BuildTrafficLights(programs, connections, edges, junctions.Keys.ToHashSet(StringComparer.Ordinal)));
    }

    private static Dictionary<string, SumoTrafficLight> BuildTrafficLights(
        List<SumoProgram> programs, List<SumoConnection> connections, Dictionary<string, SumoEdge> edges, IReadOnlySet<string> junctionIdSet)
    {
        var result = new Dictionary<string, SumoTrafficLight>(StringComparer.Ordinal);
        var controlled = connections.Where(c => c.TrafficLight is not null && c.LinkIndex >= 0).ToLookup(c => c.TrafficLight!);
        foreach (var id in programs.Select(p => p.TrafficLightId).Concat(controlled.Select(g => g.Key)).Distinct())
        {
            var links = controlled[id]
                .GroupBy(c => c.LinkIndex)
                .OrderBy(g => g.Key)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<SumoConnection>)g.ToList());
            var junctionIds = links.Values.SelectMany(l => l)
                .Select(c => JunctionOf(c, edges, junctionIdSet))
                .OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
            var approaches = links.Values.SelectMany(l => l).Select(c => c.FromEdge)
                .Where(e => edges.TryGetValue(e, out var edge) && edge.IsNormal).Distinct().ToList();
            result[id] = new SumoTrafficLight(id, programs.Where(p => p.TrafficLightId == id).ToList(), links, junctionIds, approaches);
        }

        return result;
    }

    /// <summary>The junction a connection passes: the end of its road, or for internal edges (":junction_...") the named junction.</summary>
    private static string? JunctionOf(SumoConnection c, Dictionary<string, SumoEdge> edges, IReadOnlySet<string> junctions)
    {
        if (edges.TryGetValue(c.FromEdge, out var e) && e.IsNormal)
        {
            return e.To;
        }

        var name = c.FromEdge.TrimStart(':');
        for (var cut = name.LastIndexOf('_'); cut > 0; cut = name.LastIndexOf('_', cut - 1))
        {
            if (junctions.Contains(name[..cut]))
            {
                return name[..cut];
            }
        }

        return e?.To;
    }

    private static SumoEdge ReadEdge(XmlReader xml)
    {
        var id = Required(xml, "id");
        var from = xml.GetAttribute("from");
        var to = xml.GetAttribute("to");
        var function = xml.GetAttribute("function");
        var name = xml.GetAttribute("name");
        var lanes = new List<SumoLane>();
        if (!xml.IsEmptyElement)
        {
            var depth = xml.Depth;
            while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
            {
                if (xml.NodeType == XmlNodeType.Element && xml.Name == "lane")
                {
                    lanes.Add(new SumoLane(
                        Required(xml, "id"),
                        id,
                        (int)Number(xml, "index", lanes.Count),
                        Number(xml, "length", 0),
                        Number(xml, "width", SumoLane.DefaultWidth),
                        Number(xml, "speed", 13.89),
                        Shape(xml.GetAttribute("shape")),
                        xml.GetAttribute("allow")));
                }
            }
        }

        return new SumoEdge(id, from, to, function, name, lanes);
    }

    private static SumoJunction ReadJunction(XmlReader xml)
    {
        var id = Required(xml, "id");
        var type = xml.GetAttribute("type") ?? "unknown";
        var position = new Point2(Number(xml, "x", 0), Number(xml, "y", 0));
        var inc = Words(xml.GetAttribute("incLanes"));
        var intl = Words(xml.GetAttribute("intLanes"));
        var shape = Shape(xml.GetAttribute("shape"));
        var foes = new SortedDictionary<int, string>();
        var responses = new SortedDictionary<int, string>();
        if (!xml.IsEmptyElement)
        {
            var depth = xml.Depth;
            while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
            {
                if (xml.NodeType == XmlNodeType.Element && xml.Name == "request")
                {
                    var index = (int)Number(xml, "index", foes.Count);
                    foes[index] = xml.GetAttribute("foes") ?? string.Empty;
                    responses[index] = xml.GetAttribute("response") ?? string.Empty;
                }
            }
        }

        return new SumoJunction(id, type, position, inc, intl, shape, [.. foes.Values], [.. responses.Values]);
    }

    private static SumoConnection ReadConnection(XmlReader xml) => new(
        Required(xml, "from"),
        Required(xml, "to"),
        (int)Number(xml, "fromLane", 0),
        (int)Number(xml, "toLane", 0),
        xml.GetAttribute("via"),
        xml.GetAttribute("tl"),
        (int)Number(xml, "linkIndex", -1),
        xml.GetAttribute("dir") ?? "s",
        xml.GetAttribute("state") ?? "M");

    private static SumoProgram ReadProgram(XmlReader xml)
    {
        var id = Required(xml, "id");
        var program = xml.GetAttribute("programID") ?? "0";
        var type = xml.GetAttribute("type") ?? "static";
        var offset = Number(xml, "offset", 0);
        var phases = new List<SumoPhase>();
        if (!xml.IsEmptyElement)
        {
            var depth = xml.Depth;
            while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
            {
                if (xml.NodeType == XmlNodeType.Element && xml.Name == "phase")
                {
                    phases.Add(new SumoPhase(
                        Number(xml, "duration", 0),
                        Required(xml, "state"),
                        OptionalNumber(xml, "minDur"),
                        OptionalNumber(xml, "maxDur"),
                        xml.GetAttribute("name")));
                }
            }
        }

        return new SumoProgram(id, program, type, offset, phases);
    }

    private static string Required(XmlReader xml, string attribute) =>
        xml.GetAttribute(attribute) ?? throw new InvalidDataException(
            $"<{xml.Name}> without '{attribute}' (line {(xml as IXmlLineInfo)?.LineNumber})");

    private static double Number(XmlReader xml, string attribute, double fallback) => OptionalNumber(xml, attribute) ?? fallback;

    private static double? OptionalNumber(XmlReader xml, string attribute)
    {
        var text = xml.GetAttribute(attribute);
        if (text is null)
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new InvalidDataException($"<{xml.Name}> {attribute}=\"{text}\" is not a number (line {(xml as IXmlLineInfo)?.LineNumber})");
    }

    private static string[] Words(string? text) => text?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];

    private static Point2[] Shape(string? text) => Words(text)
        .Select(p => p.Split(','))
        .Select(xy => new Point2(
            double.Parse(xy[0], CultureInfo.InvariantCulture),
            double.Parse(xy[1], CultureInfo.InvariantCulture)))
        .ToArray();
}
