namespace EdgeCity.Vision.Capture;

/// <summary>What a <see cref="CameraCapture"/> reports, called on its own thread: implementations must not block.</summary>
public interface ICaptureObserver
{
    /// <summary>The stream opened; <paramref name="description"/> gives size and frame rate.</summary>
    void StreamUp(string description);

    /// <summary>The stream failed to open or stopped delivering; the next attempt follows after <paramref name="retryIn"/>.</summary>
    void StreamDown(string reason, TimeSpan retryIn);

    /// <summary>A reconnect attempt starts (every open after the first).</summary>
    void Reconnecting(int attempt);

    void FrameCaptured();

    /// <summary>A frame was dropped: <c>superseded</c> (a newer frame replaced it before inference took it) or <c>rate_limit</c>.</summary>
    void FrameDropped(string reason);

    /// <summary>A file source reached its end and is configured not to loop: the capture stops.</summary>
    void Ended();
}
