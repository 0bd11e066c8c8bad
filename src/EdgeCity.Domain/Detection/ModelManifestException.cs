namespace EdgeCity.Domain.Detection;

/// <summary>A manifest that cannot be used: the message names the manifest file and the field at fault.</summary>
public sealed class ModelManifestException(string message) : Exception(message);
