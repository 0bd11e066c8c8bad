using System.Globalization;
using System.Xml.Linq;
using EdgeCity.Simulation.Network;

namespace EdgeCity.Simulation.Control;

/// <summary>
/// What a closed-loop run simulates: a <c>.sumocfg</c>, or a network with routes, over [Begin, End] seconds. The
/// network file is found in the config when one is given (EdgeCity derives every signal from it).
/// </summary>
public sealed record SimScenario
{
    public string? ConfigFile { get; init; }

    public required string NetFile { get; init; }

    public IReadOnlyList<string> RouteFiles { get; init; } = [];

    /// <summary>Additional files the scenario itself loads (from its config), kept when EdgeCity adds its own.</summary>
    public IReadOnlyList<string> AdditionalFiles { get; init; } = [];

    public double Begin { get; init; }

    public double End { get; init; } = 3600;

    /// <summary>What was changed to run the scenario (missing or refused files left out, programmes applied).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>
    /// Lights that run another EdgeCity controller than the run's (light id to controller name), as a site file sets a
    /// controller per intersection.
    /// </summary>
    public IReadOnlyDictionary<string, string> ControllerAt { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Outputs to find where delay comes from: SUMO writes each edge's totals for the run (time loss, waiting time)
    /// next to the trip output, and EdgeCity's closed loop writes every phase change it asked for, with its reason.
    /// </summary>
    public bool DetailedOutputs { get; init; }

    /// <summary>From a SUMO config: its network, additionals and time window (overridden by the given values).</summary>
    public static SimScenario FromConfig(string configFile, double? begin, double? end)
    {
        var path = Path.GetFullPath(configFile);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{configFile}: no such SUMO config", configFile);
        }

        var folder = Path.GetDirectoryName(path)!;
        XDocument doc;
        try
        {
            doc = XDocument.Load(path);
        }
        catch (System.Xml.XmlException ex)
        {
            throw new InvalidDataException($"{configFile}: not a SUMO config: {ex.Message}", ex);
        }

        // SUMO accepts each option under its long name, its synonym and its short name, in an <input> section or
        // (older configs, RiLSA's) straight under the root: so must we.
        string? Value(params string[] names) =>
            doc.Descendants().FirstOrDefault(e => names.Contains(e.Name.LocalName))?.Attribute("value")?.Value;
        var notes = new List<string>();
        IReadOnlyList<string> Files(string option, params string[] names)
        {
            var found = new List<string>();
            foreach (var file in (Value(names) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var full = Path.GetFullPath(Path.Combine(folder, file));
                if (File.Exists(full))
                {
                    found.Add(full);
                }
                else
                {
                    notes.Add($"{configFile}: {option} names {file}, which does not exist; running without it");
                }
            }

            return found;
        }

        var netName = Value("net-file", "net", "n") ?? throw new InvalidDataException($"{configFile}: no net-file (input/net-file, or net) is given");
        var net = Path.GetFullPath(Path.Combine(folder, netName));
        double? Number(params string[] names) => double.TryParse(Value(names), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
        return new SimScenario
        {
            ConfigFile = path,
            NetFile = net,
            RouteFiles = Files("route-files", "route-files", "routes", "r"),
            AdditionalFiles = Files("additional-files", "additional-files", "additional", "a"),
            Begin = begin ?? Number("begin", "b") ?? 0,
            End = end ?? Number("end", "e") ?? 3600,
            Notes = notes,
        };
    }

    /// <summary>
    /// The scenario as SUMO will run it, with the network EdgeCity controls: the programmes in its additional files
    /// applied (<see cref="LoadedPrograms"/>) and any additional file SUMO would refuse left out, said in <see cref="Notes"/>.
    /// </summary>
    public (SimScenario Scenario, SumoNetwork Network) Load()
    {
        var network = SumoNetworkReader.Read(NetFile);
        var (running, rejected, applied) = LoadedPrograms.Apply(network, AdditionalFiles);
        var notes = Notes.Concat(rejected.Select(r => $"{r.File}: left out, SUMO would refuse it: {r.Reason}")).ToList();
        if (applied > 0)
        {
            notes.Add($"{applied} of {network.TrafficLights.Count} traffic lights run the programmes of the scenario's additional files");
        }

        var rejectedFiles = rejected.Select(r => r.File).ToHashSet(StringComparer.Ordinal);
        return (this with { AdditionalFiles = AdditionalFiles.Where(f => !rejectedFiles.Contains(f)).ToList(), Notes = notes }, running);
    }

    /// <summary>The SUMO arguments for this scenario with one seed and the trip output EdgeCity reports from.</summary>
    /// <param name="seed">SUMO's random seed.</param>
    /// <param name="tripinfo">Where SUMO writes its trip information.</param>
    /// <param name="extraAdditionals">Additional files loaded after the scenario's own.</param>
    /// <param name="inputs">Include the inputs (-c or -n/-r) and log switches; false when a launcher adds them.</param>
    public List<string> Arguments(int seed, string tripinfo, IEnumerable<string> extraAdditionals, bool inputs = true)
    {
        var inv = CultureInfo.InvariantCulture;
        var args = new List<string>();
        if (inputs && ConfigFile is not null)
        {
            args.AddRange(["-c", ConfigFile]);
        }

        // Given on the command line, these override the config's own lists (which may name files that do not exist)
        // and its log, which would otherwise be written next to the scenario.
        if (inputs || ConfigFile is not null)
        {
            args.AddRange(["-n", NetFile]);
        }

        // SUMO refuses an empty list, and a config's own list must not come back: an empty file stands in for it.
        var work = Path.GetDirectoryName(Path.GetFullPath(tripinfo))!;
        var routes = RouteFiles.Count > 0 || ConfigFile is null ? RouteFiles : [EmptyFile(work, "routes")];
        if (routes.Count > 0)
        {
            args.AddRange(["-r", string.Join(',', routes)]);
        }

        var additionals = AdditionalFiles.Concat(extraAdditionals).ToList();
        if (additionals.Count == 0 && ConfigFile is not null)
        {
            additionals.Add(EmptyFile(work, "additional"));
        }

        if (additionals.Count > 0)
        {
            args.AddRange(["--additional-files", string.Join(',', additionals)]);
        }

        if (ConfigFile is not null)
        {
            args.AddRange(["--log", Path.Combine(work, $"{Path.GetFileNameWithoutExtension(tripinfo)}.log")]);
        }

        args.AddRange([
            "-b", Begin.ToString(inv), "-e", End.ToString(inv), "--seed", seed.ToString(inv),
            "--time-to-teleport", "-1",
            "--tripinfo-output", tripinfo, "--tripinfo-output.write-unfinished", "true", "--tripinfo-output.write-undeparted", "true",
            "--no-warnings", "true",
        ]);
        if (DetailedOutputs)
        {
            args.AddRange(["--edgedata-output", EdgeDataPath(tripinfo)]);
        }

        if (inputs)
        {
            args.AddRange(["--no-step-log", "true", "--duration-log.disable", "true"]);
        }

        return args;
    }

    /// <summary>Where SUMO writes the per-edge totals of the run whose trip output is <paramref name="tripinfo"/>.</summary>
    public static string EdgeDataPath(string tripinfo) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(tripinfo))!, $"{Path.GetFileName(tripinfo).Split('.')[0]}.edgedata.xml");

    private static string EmptyFile(string folder, string root)
    {
        var path = Path.Combine(folder, $"empty.{root}.xml");
        File.WriteAllText(path, $"<{root}/>\n");
        return path;
    }
}
