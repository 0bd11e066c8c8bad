using EdgeCity.Vision.Capture;

namespace EdgeCity.Vision.Benchmarking;

/// <summary>The benchmark's captures report nothing; a stream going down is a failed benchmark.</summary>
internal sealed class BenchCaptureObserver : ICaptureObserver
{
    public void StreamUp(string description)
    {
    }

    public void StreamDown(string reason, TimeSpan retryIn) => throw new FrameSourceException(reason);

    public void Reconnecting(int attempt)
    {
    }

    public void FrameCaptured()
    {
    }

    public void FrameDropped(string reason)
    {
    }

    public void Ended()
    {
    }
}
