namespace EdgeCity.Node.Tests.Observability;

/// <summary>Runs its specs alone: nodes in one test process share prometheus-net's static registry, so a node stopping elsewhere would reset the gauges these specs read.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class InProcessNodeMetricsCollection
{
    public const string Name = "in-process node metrics";
}
