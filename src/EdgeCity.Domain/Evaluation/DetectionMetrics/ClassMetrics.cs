namespace EdgeCity.Domain.Evaluation.DetectionMetrics;

/// <summary>
/// One class against ground truth: labelled boxes, detections at or above the score threshold and how many of them hit,
/// precision and recall at that threshold, AP at IoU 0.5 (null without ground truth), and recall on stop-line boxes.
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
    double? StopLineRecall);
