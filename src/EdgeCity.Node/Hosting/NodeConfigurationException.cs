namespace EdgeCity.Node.Hosting;

/// <summary>The node's configuration is not valid; the message names each key, what is wrong and where it was set.</summary>
public sealed class NodeConfigurationException(string message) : Exception(message);
