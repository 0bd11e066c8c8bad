using System.CommandLine;
using EdgeCity.Node.CameraLoop;
using EdgeCity.Simulation.Control;

namespace EdgeCity.Node.Cli;

/// <summary>
/// The options that name a closed-loop scenario (<c>--sumocfg</c>, or <c>--net</c> with <c>--routes</c>, or a site's
/// twin with <c>--site</c>; <c>--begin</c>, <c>--end</c>), shared by <c>sim</c> and <c>sim tune</c>.
/// </summary>
public sealed class SimScenarioOptions
{
    public Option<FileInfo?> Config { get; } = new("--sumocfg") { Description = "A SUMO config (.sumocfg); its network gives the signals." };

    public Option<FileInfo?> Net { get; } = new("--net") { Description = "A SUMO network (.net.xml), with --routes." };

    public Option<FileInfo[]> Routes { get; } = new("--routes") { Description = "Route files (.rou.xml) for --net.", AllowMultipleArgumentsPerToken = true };

    public Option<FileInfo?> Site { get; } = new("--site") { Description = "A site file with a twin (e.g. deploy/sites/demo/site.json): its network and routes are the scenario unless --sumocfg/--net is given; each intersection runs the controller the site sets unless --controller is given; its posed cameras measure with --cameras." };

    public Option<double?> Begin { get; } = new("--begin") { Description = "Simulation begin in seconds (default: the config's, or 0)." };

    public Option<double?> End { get; } = new("--end") { Description = "Simulation end in seconds (default: the config's, or 3600)." };

    public IEnumerable<Option> All => [Config, Net, Routes, Site, Begin, End];

    /// <summary>The scenario the options name, and the site's twin when one was given.</summary>
    /// <exception cref="ArgumentException">No scenario named.</exception>
    /// <exception cref="FileNotFoundException">A file it names is missing.</exception>
    /// <exception cref="InvalidDataException">A file it names cannot be read.</exception>
    public (SimScenario Scenario, SimCameraSite? Site) Read(ParseResult parse)
    {
        var twinSite = parse.GetValue(Site) is { } siteFile ? SimCameraSite.Load(siteFile.FullName) : null;
        var scenario = parse.GetValue(Config) is { } cfg
            ? SimScenario.FromConfig(cfg.FullName, parse.GetValue(Begin), parse.GetValue(End))
            : parse.GetValue(Net) is { } n
                ? new SimScenario
                {
                    NetFile = n.FullName,
                    RouteFiles = (parse.GetValue(Routes) ?? []).Select(r => r.FullName).ToList(),
                    Begin = parse.GetValue(Begin) ?? 0,
                    End = parse.GetValue(End) ?? 3600,
                }
                : twinSite?.Scenario(parse.GetValue(Begin), parse.GetValue(End))
                  ?? throw new ArgumentException("give --sumocfg <file>, or --net <net.xml> --routes <rou.xml>, or --site <site.json> with a twin");
        foreach (var file in scenario.RouteFiles.Append(scenario.NetFile).Where(f => !File.Exists(f)))
        {
            throw new FileNotFoundException($"{file}: no such file", file);
        }

        return (scenario, twinSite);
    }
}
