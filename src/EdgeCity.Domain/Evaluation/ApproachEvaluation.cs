namespace EdgeCity.Domain.Evaluation;

/// <summary>
/// One approach against ground truth: vehicles counted on its flow lines vs true crossings and the error in percent;
/// the mean absolute error of lane queue lengths (metres) against the true queue within the camera's reach (a queue
/// running past the lane zone's far end is out of any camera's view, so the truth is clipped there), the same error
/// against the whole true queue, and the share of samples whose true queue ran past the reach; and the mean absolute
/// speed error in percent of the true speed over matched vehicle-frames. Each with the number of samples behind it.
/// </summary>
public sealed record ApproachEvaluation(
    string Approach,
    int Counted,
    int Truth,
    double? CountErrorPercent,
    double? QueueMaeMeters,
    int QueueSamples,
    double? SpeedErrorPercent,
    int SpeedSamples)
{
    /// <summary>Queue MAE against the whole true queue, including what lies beyond the camera's reach.</summary>
    public double? QueueMaeUnclippedMeters { get; init; }

    /// <summary>Share (0–1) of queue samples whose true queue ran past the camera's reach.</summary>
    public double? QueueBeyondViewShare { get; init; }
}
