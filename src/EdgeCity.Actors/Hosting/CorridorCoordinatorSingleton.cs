namespace EdgeCity.Actors.Hosting;

/// <summary>Actor registry key of the proxy to the corridor coordinator singleton (<c>registry.Get&lt;CorridorCoordinatorSingleton&gt;()</c>).</summary>
public sealed class CorridorCoordinatorSingleton
{
    private CorridorCoordinatorSingleton()
    {
    }
}
