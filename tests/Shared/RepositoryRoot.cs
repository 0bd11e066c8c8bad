namespace EdgeCity.Testing;

/// <summary>The repository's root folder (the one holding EdgeCity.sln), found from the test's output folder.</summary>
public static class RepositoryRoot
{
    public static string FullName { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EdgeCity.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("EdgeCity.sln not found above " + AppContext.BaseDirectory);
    }
}
