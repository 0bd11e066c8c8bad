namespace EdgeCity.Simulation.Tests;

/// <summary>A copy of one of SUMO's shipped game scenarios in a temp folder (they write state files next to their config).</summary>
public sealed class ShippedScenario : IDisposable
{
    public const string GameRoot = "/usr/share/sumo/tools/game";

    public ShippedScenario(string name)
    {
        Folder = Path.Combine(Path.GetTempPath(), $"edgecity-{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Folder);
        foreach (var file in Directory.GetFiles(Path.Combine(GameRoot, name)))
        {
            File.Copy(file, Path.Combine(Folder, Path.GetFileName(file)));
        }

        Name = name;
    }

    public string Name { get; }

    public string Folder { get; }

    public string File_(string name) => Path.Combine(Folder, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
