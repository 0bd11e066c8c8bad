using EdgeCity.Actors.Hosting;
using Prometheus;

namespace EdgeCity.Node.Hosting;

/// <summary>Publishes <c>edgecity_node_info</c>: a constant 1 whose labels say which build and roles this node runs.</summary>
public static class NodeInfoMetric
{
    private static readonly Gauge Info = Metrics.CreateGauge(
        "edgecity_node_info",
        "Constant 1; labels carry the EdgeCity version, the CLI mode and the node's cluster roles.",
        new GaugeConfiguration { LabelNames = ["version", "mode", "roles"] });

    public static void Publish(NodeLaunch launch, EdgeCityClusterOptions cluster)
    {
        var version = typeof(NodeInfoMetric).Assembly.GetName().Version?.ToString() ?? "0.0.0";
        Info.WithLabels(version, launch.Mode, string.Join(",", cluster.EffectiveRoles.Order())).Set(1);
    }
}
