namespace EdgeCity.Actors.Assessment;

/// <summary>What an <see cref="AssessmentRun"/> did: images assessed and skipped, inputs it could not read, findings stored, time.</summary>
public sealed record AssessmentSummary(int Assessed, int Skipped, int Problems, int Findings, int Added, TimeSpan Elapsed)
{
    /// <summary>Images assessed per minute of wall time.</summary>
    public double ImagesPerMinute => Elapsed.TotalMinutes > 0 ? Assessed / Elapsed.TotalMinutes : 0;
}
