namespace EdgeCity.Simulation.Sumo;

/// <summary>What to run: a .sumocfg, or a network with routes and additionals, plus the few options a twin needs.</summary>
public sealed record SumoLaunchOptions
{
    public string? ConfigFile { get; init; }

    public string? NetFile { get; init; }

    public IReadOnlyList<string> RouteFiles { get; init; } = [];

    public IReadOnlyList<string> AdditionalFiles { get; init; } = [];

    /// <summary>Seconds per simulation step; null keeps the config's value.</summary>
    public double? StepLength { get; init; }

    public double? Begin { get; init; }

    public double? End { get; init; }

    public int? Seed { get; init; }

    /// <summary>Run <c>sumo-gui</c> instead of <c>sumo</c> (needs a display, or Xvfb).</summary>
    public bool Gui { get; init; }

    /// <summary>Further command-line arguments passed to SUMO as they are.</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    public string? WorkingDirectory { get; init; }

    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The command-line arguments for this run, with <paramref name="port"/> as TraCI port.</summary>
    public IReadOnlyList<string> Arguments(int port)
    {
        if (ConfigFile is null && NetFile is null)
        {
            throw new ArgumentException("SUMO needs a config file (-c) or a network file (-n)");
        }

        var args = new List<string>();
        if (ConfigFile is not null)
        {
            args.AddRange(["-c", ConfigFile]);
        }

        if (NetFile is not null)
        {
            args.AddRange(["-n", NetFile]);
        }

        if (RouteFiles.Count > 0)
        {
            args.AddRange(["-r", string.Join(',', RouteFiles)]);
        }

        if (AdditionalFiles.Count > 0)
        {
            args.AddRange(["-a", string.Join(',', AdditionalFiles)]);
        }

        var inv = System.Globalization.CultureInfo.InvariantCulture;
        if (StepLength is { } step)
        {
            args.AddRange(["--step-length", step.ToString(inv)]);
        }

        if (Begin is { } begin)
        {
            args.AddRange(["-b", begin.ToString(inv)]);
        }

        if (End is { } end)
        {
            args.AddRange(["-e", end.ToString(inv)]);
        }

        if (Seed is { } seed)
        {
            args.AddRange(["--seed", seed.ToString(inv)]);
        }

        if (Gui)
        {
            args.AddRange(["--start", "--quit-on-end"]);
        }

        args.AddRange(["--remote-port", port.ToString(inv), "--no-step-log", "true", "--duration-log.disable", "true"]);
        args.AddRange(ExtraArguments);
        return args;
    }
}
