namespace EdgeCity.Actors.Hosting;

/// <summary>Cluster roles of an EdgeCity node.</summary>
public static class ClusterRoles
{
    /// <summary>Has cameras and intersections wired to it (the box at the roadside).</summary>
    public const string Camera = "camera";

    /// <summary>May host the corridor coordinator singleton.</summary>
    public const string Coordinator = "coordinator";

    /// <summary>Serves the operator view and the API for the whole cluster.</summary>
    public const string Gateway = "gateway";
}
