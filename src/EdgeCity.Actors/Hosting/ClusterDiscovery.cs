namespace EdgeCity.Actors.Hosting;

/// <summary>Values of <c>EdgeCity:Cluster:Discovery</c>.</summary>
public static class ClusterDiscovery
{
    /// <summary>Seed nodes listed in configuration: fixed sites whose boxes have fixed addresses.</summary>
    public const string Static = "static";

    /// <summary>Akka.Management cluster bootstrap with pods found through the Kubernetes API (k3s).</summary>
    public const string Kubernetes = "kubernetes";
}
