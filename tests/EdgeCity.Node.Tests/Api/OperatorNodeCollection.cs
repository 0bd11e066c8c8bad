namespace EdgeCity.Node.Tests.Api;

/// <summary>Nodes share process-wide Prometheus metrics and two cores: their specs run one after another.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OperatorNodeCollection
{
    public const string Name = "operator node";
}
