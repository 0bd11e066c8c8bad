namespace EdgeCity.Actors.Tests.Cluster;

/// <summary>Multi-node specs run one at a time: parallel clusters on two cores would starve heartbeats.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection
{
    public const string Name = "multi-node cluster";
}
