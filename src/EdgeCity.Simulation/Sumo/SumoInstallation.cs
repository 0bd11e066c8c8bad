namespace EdgeCity.Simulation.Sumo;

/// <summary>Finds the SUMO binaries and SUMO_HOME on this box.</summary>
public sealed record SumoInstallation(string SumoBinary, string SumoGuiBinary, string SumoHome)
{
    /// <summary>Debian's sumo package installs its data here; SUMO_HOME must point at it or SUMO tries to fetch XML schemas from the internet.</summary>
    public const string DebianSumoHome = "/usr/share/sumo";

    /// <summary>Locates SUMO from SUMO_HOME and PATH, or returns null when it is not installed.</summary>
    public static SumoInstallation? Find()
    {
        var home = Environment.GetEnvironmentVariable("SUMO_HOME");
        if (string.IsNullOrEmpty(home) || !Directory.Exists(home))
        {
            home = Directory.Exists(DebianSumoHome) ? DebianSumoHome : null;
        }

        var sumo = FindOnPath("sumo");
        if (sumo is null || home is null)
        {
            return null;
        }

        return new SumoInstallation(sumo, FindOnPath("sumo-gui") ?? "sumo-gui", home);
    }

    /// <summary>Like <see cref="Find"/>, but throws a message that says how to install SUMO.</summary>
    public static SumoInstallation Require() =>
        Find() ?? throw new InvalidOperationException("SUMO is not installed: run ./edgecity (it installs Debian's 'sumo' package) or apt-get install sumo, and set SUMO_HOME=/usr/share/sumo.");

    private static string? FindOnPath(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var dir in path.Split(':', StringSplitOptions.RemoveEmptyEntries).Append("/usr/bin"))
        {
            var candidate = System.IO.Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
