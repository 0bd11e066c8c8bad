namespace EdgeCity.Domain.Evaluation;

/// <summary>How pipeline output is paired with ground truth.</summary>
public sealed record EvaluationOptions
{
    /// <summary>A measured vehicle matches a truth vehicle of the same frame at this IoU or more.</summary>
    public double SpeedMatchIoU { get; init; } = 0.5;

    /// <summary>Truth speeds below this are left out of the speed error (a percentage of almost zero means nothing).</summary>
    public double MinTruthSpeedMetersPerSecond { get; init; } = 2.0;

    /// <summary>A pipeline sample pairs with the truth frame nearest in time, if within this many seconds.</summary>
    public double TimeToleranceSeconds { get; init; } = 0.06;

    /// <summary>
    /// A count pairs with a true crossing of the same line and direction within this many seconds (hand counts of real
    /// footage are timed to about 0.2 s; the tracker confirms a vehicle a few frames after it appears).
    /// </summary>
    public double CrossingToleranceSeconds { get; init; } = 1.0;
}
