namespace EdgeCity.Domain.Evaluation;

/// <summary>The clock of a replayed recording: it reads the capture time of the frame being replayed.</summary>
internal sealed class ReplayClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
