namespace EdgeCity.Domain.Evaluation;

/// <summary>A ground-truth file that cannot be read; the message names the file, the line and the field.</summary>
public sealed class TruthFormatException(string message, Exception? inner = null) : Exception(message, inner);
