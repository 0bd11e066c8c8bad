namespace EdgeCity.Simulation.Tests;

/// <summary>Finds files of this repository from the test's output folder.</summary>
public static class RepositoryPaths
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EdgeCity.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new DirectoryNotFoundException("EdgeCity.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string DemoSite => Path.Combine(Root, "deploy", "sites", "demo", "site.json");
}
