using EdgeCity.Testing;

namespace EdgeCity.Vision.Tests.Support;

/// <summary>Paths of committed fixtures: golden models, the test clip.</summary>
public static class RepoPaths
{
    public static string Root => RepositoryRoot.FullName;

    public static string Fixtures => Path.Combine(Root, "models", "fixtures");

    public static string Clip => Path.Combine(Root, "models", "clips", "testsrc2-720p.mp4");

}
