namespace EdgeCity.Domain.Signals;

/// <summary>
/// One step of a signal program: the state of every link (SUMO letters r/y/g/G/s/o/O, one per link index),
/// how long it runs, its bounds, and the <see cref="Phase"/> it shows (null for yellow and all-red steps).
/// </summary>
public sealed record SignalProgramStep(string State, double DurationSeconds, double MinSeconds, double MaxSeconds, string? PhaseId)
{
    /// <summary>True for a green stage; false for the yellow and all-red steps between stages.</summary>
    public bool IsGreenStage => PhaseId is not null;
}
