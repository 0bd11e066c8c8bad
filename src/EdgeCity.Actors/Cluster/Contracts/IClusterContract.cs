namespace EdgeCity.Actors.Cluster.Contracts;

/// <summary>Marks a message that may cross nodes; the cluster serializer is bound to this interface and nothing else of ours.</summary>
public interface IClusterContract;
