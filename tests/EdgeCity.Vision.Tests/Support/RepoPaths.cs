namespace EdgeCity.Vision.Tests.Support;

/// <summary>Paths of committed fixtures: golden models, the test clip.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Fixtures => Path.Combine(Root, "models", "fixtures");

    public static string Clip => Path.Combine(Root, "models", "clips", "testsrc2-720p.mp4");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EdgeCity.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("EdgeCity.sln not found above " + AppContext.BaseDirectory);
    }
}
