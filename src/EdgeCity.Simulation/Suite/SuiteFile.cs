using System.Globalization;
using EdgeCity.Domain.Control.Controllers;
using EdgeCity.Simulation.Control;

namespace EdgeCity.Simulation.Suite;

/// <summary>
/// A suite file: one scenario a line, <c>name: sim options</c> (<c>--sumocfg f</c>, or <c>--net f --routes f [f...]</c>,
/// with <c>--begin s</c>, <c>--end s</c> and <c>--controller-at light=controller ...</c>, the per-light choices a site
/// sets or <c>sim tune</c> found), <c>#</c> comments. Paths may start with <c>$SUMO_HOME</c> and are
/// otherwise relative to the suite file, so a new scenario is one line.
/// </summary>
public static class SuiteFile
{
    public static IReadOnlyList<SuiteScenario> Read(string path, string sumoHome)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such suite file", path);
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var scenarios = new List<SuiteScenario>();
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var line = raw.Split('#', 2)[0].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var where = $"{path}:{lineNumber}";
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new InvalidDataException($"{where}: expected 'name: --sumocfg <file>' or 'name: --net <file> --routes <file>', got '{line}'");
            }

            var name = line[..colon].Trim();
            if (scenarios.Any(s => s.Name == name))
            {
                throw new InvalidDataException($"{where}: scenario '{name}' is named twice");
            }

            scenarios.Add(new SuiteScenario(name, Parse(line[(colon + 1)..], where, folder, sumoHome)));
        }

        return scenarios.Count > 0 ? scenarios : throw new InvalidDataException($"{path}: no scenarios");
    }

    private static SimScenario Parse(string options, string where, string folder, string sumoHome)
    {
        string? config = null, net = null;
        double? begin = null, end = null;
        var routes = new List<string>();
        var at = new Dictionary<string, string>(StringComparer.Ordinal);
        var words = options.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string Resolve(string p) => Path.GetFullPath(p.StartsWith("$SUMO_HOME", StringComparison.Ordinal) ? sumoHome + p["$SUMO_HOME".Length..] : Path.Combine(folder, p));
        double Number(string option, int i) =>
            i < words.Length && double.TryParse(words[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= 0
                ? v
                : throw new InvalidDataException($"{where}: {option} needs a number of seconds");
        string Value(string option, int i) =>
            i < words.Length && !words[i].StartsWith("--", StringComparison.Ordinal) ? words[i] : throw new InvalidDataException($"{where}: {option} needs {(option == "--controller-at" ? "<light id>=<controller>" : "a file")}");
        for (var i = 0; i < words.Length; i++)
        {
            switch (words[i])
            {
                case "--sumocfg":
                    config = Resolve(Value("--sumocfg", ++i));
                    break;
                case "--net":
                    net = Resolve(Value("--net", ++i));
                    break;
                case "--routes":
                    routes.Add(Resolve(Value("--routes", ++i)));
                    while (i + 1 < words.Length && !words[i + 1].StartsWith("--", StringComparison.Ordinal))
                    {
                        routes.Add(Resolve(words[++i]));
                    }

                    break;
                case "--begin":
                    begin = Number("--begin", ++i);
                    break;
                case "--end":
                    end = Number("--end", ++i);
                    break;
                case "--controller-at":
                    do
                    {
                        var pair = Value("--controller-at", ++i).Split('=', 2);
                        at[pair[0]] = pair.Length == 2 && pair[0].Length > 0 && SignalControllers.Names.Contains(pair[1].ToLowerInvariant())
                            ? pair[1].ToLowerInvariant()
                            : throw new InvalidDataException($"{where}: --controller-at {words[i]}: give <light id>=<controller> with a controller of {string.Join(", ", SignalControllers.Names)}");
                    }
                    while (i + 1 < words.Length && !words[i + 1].StartsWith("--", StringComparison.Ordinal));
                    break;
                default:
                    throw new InvalidDataException($"{where}: unknown option '{words[i]}' (known: --sumocfg, --net, --routes, --begin, --end, --controller-at)");
            }
        }

        if (config is not null)
        {
            return SimScenario.FromConfig(config, begin, end) with { ControllerAt = at };
        }

        var network = net ?? throw new InvalidDataException($"{where}: give --sumocfg <file>, or --net <file> --routes <file>");
        foreach (var file in routes.Append(network).Where(f => !File.Exists(f)))
        {
            throw new InvalidDataException($"{where}: {file} does not exist");
        }

        return new SimScenario { NetFile = network, RouteFiles = routes, Begin = begin ?? 0, End = end ?? 3600, ControllerAt = at };
    }
}
