namespace EdgeCity.Vision.Tests.Support;

/// <summary>A clock whose timestamp advances a fixed step on every reading: the capture reads it twice per frame.</summary>
public sealed class SteppingClock(TimeSpan step) : TimeProvider
{
    private readonly long _step = (long)(step.TotalSeconds * global::System.Diagnostics.Stopwatch.Frequency);
    private long _now;

    public override long GetTimestamp() => Interlocked.Add(ref _now, _step);
}
