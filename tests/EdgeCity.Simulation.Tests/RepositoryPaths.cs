using EdgeCity.Testing;

namespace EdgeCity.Simulation.Tests;

/// <summary>Finds files of this repository from the test's output folder.</summary>
public static class RepositoryPaths
{
    public static string Root => RepositoryRoot.FullName;

    public static string DemoSite => Path.Combine(Root, "deploy", "sites", "demo", "site.json");
}
