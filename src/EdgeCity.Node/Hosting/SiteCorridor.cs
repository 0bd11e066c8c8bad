using EdgeCity.Actors.Signals;

namespace EdgeCity.Node.Hosting;

/// <summary>The corridor the singleton coordinates. Site files do not describe corridors yet, so it has no members and offers no advice.</summary>
public static class SiteCorridor
{
    /// <summary>Progression at 50 km/h.</summary>
    public static readonly CorridorDefinition Empty = new("site", [], 50 / 3.6);
}
