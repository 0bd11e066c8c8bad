namespace EdgeCity.Domain.Evaluation.DetectionMetrics;

/// <summary>
/// The score a model's vehicles are tracked from, chosen on labelled frames it did not train on: the threshold with the
/// best F1 over the vehicle classes pooled (every vehicle found, every box a vehicle). A fine-tuned model's scores are
/// not its base model's: the base's threshold put 30 boxes on 6 cars of a real frame after one fine-tune, where 0.6
/// put 9 with the same recall.
/// </summary>
public static class OperatingPoint
{
    /// <summary>The thresholds tried: 0.20 to 0.80 in steps of 0.05.</summary>
    public static IReadOnlyList<float> Candidates { get; } = Enumerable.Range(0, 13).Select(i => 0.2f + (0.05f * i)).ToList();

    /// <summary>Pooled F1 of <paramref name="vehicleClasses"/> at <paramref name="at"/>; null when there is no truth.</summary>
    public static double? F1(DetectionEvaluation at, IReadOnlyCollection<string> vehicleClasses)
    {
        ArgumentNullException.ThrowIfNull(at);
        var rows = at.Classes.Where(c => vehicleClasses.Contains(c.Class)).ToList();
        var (truth, found, boxes) = (rows.Sum(r => r.GroundTruth), rows.Sum(r => r.TruePositives), rows.Sum(r => r.Detections));
        return truth == 0 ? null : boxes == 0 ? 0 : 2.0 * found / (truth + boxes);
    }

    /// <summary>
    /// The best of <paramref name="evaluations"/> (one per threshold) by pooled F1; on a tie the higher threshold (fewer
    /// boxes for the same agreement). Null when none has vehicle truth.
    /// </summary>
    public static (float Threshold, double F1)? Choose(IEnumerable<DetectionEvaluation> evaluations, IReadOnlyCollection<string> vehicleClasses)
    {
        (float, double)? best = null;
        foreach (var e in evaluations.OrderBy(e => e.ScoreThreshold))
        {
            if (F1(e, vehicleClasses) is { } f1 && (best is null || f1 >= best.Value.Item2 - 1e-9))
            {
                best = (e.ScoreThreshold, f1);
            }
        }

        return best;
    }
}
