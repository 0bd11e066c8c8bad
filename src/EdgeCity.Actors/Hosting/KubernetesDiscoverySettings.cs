namespace EdgeCity.Actors.Hosting;

/// <summary>Akka.Management cluster bootstrap through the Kubernetes API: bound under <c>EdgeCity:Cluster:Kubernetes</c>.</summary>
public sealed class KubernetesDiscoverySettings
{
    /// <summary>Port of the Akka.Management HTTP endpoint that bootstrapping nodes probe on each other (named <c>management</c> in the pod spec).</summary>
    public int ManagementPort { get; set; } = 8558;

    /// <summary>Service name looked up in discovery; substituted into <see cref="PodLabelSelector"/>.</summary>
    public string ServiceName { get; set; } = "edgecity";

    /// <summary>Label selector for the pods of this cluster; <c>{0}</c> is replaced by <see cref="ServiceName"/>.</summary>
    public string PodLabelSelector { get; set; } = "app={0}";

    /// <summary>Namespace to list pods in; empty means the pod's own namespace (from its service account).</summary>
    public string? PodNamespace { get; set; }

    /// <summary>Contact points that must be found before a new cluster is formed (avoids two clusters at first start).</summary>
    public int RequiredContactPoints { get; set; } = 2;
}
