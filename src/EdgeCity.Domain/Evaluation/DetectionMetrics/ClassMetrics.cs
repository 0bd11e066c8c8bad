namespace EdgeCity.Domain.Evaluation.DetectionMetrics;

/// <summary>
/// One class against ground truth: labelled boxes, detections at or above the score threshold and how many of them hit,
/// precision and recall at that threshold, AP at IoU 0.5 (null without ground truth), and recall on stop-line boxes,
/// all of them and those at least half visible (KITTI's "moderate" occlusion level: a box more than half hidden behind
/// a nearer vehicle is one no camera at that pose can be expected to find).
/// </summary>
public sealed record ClassMetrics(
    string Class,
    int GroundTruth,
    int Detections,
    int TruePositives,
    double? Precision,
    double? Recall,
    double? Ap50,
    int StopLineGroundTruth,
    double? StopLineRecall)
{
    /// <summary>Stop-line boxes at least half visible.</summary>
    public int StopLineVisibleGroundTruth { get; init; }

    /// <summary>Recall on the stop-line boxes at least half visible.</summary>
    public double? StopLineVisibleRecall { get; init; }
}
