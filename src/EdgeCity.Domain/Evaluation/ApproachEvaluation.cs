namespace EdgeCity.Domain.Evaluation;

/// <summary>
/// One approach against ground truth: vehicles counted on its flow lines vs true crossings and the error in percent,
/// the mean absolute error of lane queue lengths (metres), and the mean absolute speed error in percent of the true
/// speed over matched vehicle-frames; each with the number of samples behind it.
/// </summary>
public sealed record ApproachEvaluation(
    string Approach,
    int Counted,
    int Truth,
    double? CountErrorPercent,
    double? QueueMaeMeters,
    int QueueSamples,
    double? SpeedErrorPercent,
    int SpeedSamples);
