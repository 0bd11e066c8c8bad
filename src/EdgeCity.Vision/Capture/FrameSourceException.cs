namespace EdgeCity.Vision.Capture;

/// <summary>A stream that could not be opened or read; the message names the source.</summary>
public sealed class FrameSourceException(string message, Exception? inner = null) : Exception(message, inner);
