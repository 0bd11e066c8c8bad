namespace EdgeCity.Vision.Inference;

/// <summary>A model that cannot be used (missing, corrupt, checksum or shapes disagreeing with its manifest); the message names the model.</summary>
public sealed class ModelLoadException(string message, Exception? inner = null) : Exception(message, inner);
