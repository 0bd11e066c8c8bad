using System.Globalization;
using System.Xml.Linq;

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

        string? Value(string name) => doc.Descendants(name).FirstOrDefault()?.Attribute("value")?.Value;
        IReadOnlyList<string> Files(string name) =>
            (Value(name) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(f => Path.GetFullPath(Path.Combine(folder, f))).ToList();
        var net = Files("net-file").FirstOrDefault() ?? throw new InvalidDataException($"{configFile}: input/net-file is missing");
        double? Number(string name) => double.TryParse(Value(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
        return new SimScenario
        {
            ConfigFile = path,
            NetFile = net,
            AdditionalFiles = Files("additional-files"),
            Begin = begin ?? Number("begin") ?? 0,
            End = end ?? Number("end") ?? 3600,
        };
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
        if (!inputs)
        {
            if (ConfigFile is null && RouteFiles.Count > 0)
            {
                args.AddRange(["-r", string.Join(',', RouteFiles)]);
            }
        }
        else if (ConfigFile is not null)
        {
            args.AddRange(["-c", ConfigFile]);
        }
        else
        {
            args.AddRange(["-n", NetFile]);
            if (RouteFiles.Count > 0)
            {
                args.AddRange(["-r", string.Join(',', RouteFiles)]);
            }
        }

        var additionals = AdditionalFiles.Concat(extraAdditionals).ToList();
        if (additionals.Count > 0)
        {
            args.AddRange(["--additional-files", string.Join(',', additionals)]);
        }

        args.AddRange([
            "-b", Begin.ToString(inv), "-e", End.ToString(inv), "--seed", seed.ToString(inv),
            "--time-to-teleport", "-1",
            "--tripinfo-output", tripinfo, "--tripinfo-output.write-unfinished", "true", "--tripinfo-output.write-undeparted", "true",
            "--no-warnings", "true",
        ]);
        if (inputs)
        {
            args.AddRange(["--no-step-log", "true", "--duration-log.disable", "true"]);
        }

        return args;
    }
}
