namespace EdgeCity.Domain.Evaluation.DetectionMetrics;

/// <summary>Average precision over a ranked list of detections (all-point interpolation, as VOC 2010+ and COCO's AP50 per class).</summary>
public static class AveragePrecision
{
    /// <summary>
    /// AP of detections given as (score, matched a ground-truth box) against <paramref name="groundTruth"/> boxes;
    /// null when there is no ground truth (the class cannot be scored), 0 when there is but nothing was found.
    /// </summary>
    public static double? AllPoint(IReadOnlyList<(float Score, bool Hit)> detections, int groundTruth)
    {
        ArgumentNullException.ThrowIfNull(detections);
        if (groundTruth <= 0)
        {
            return null;
        }

        // Stable order by descending score so equal scores keep their arrival order (deterministic).
        var ranked = detections.Select((d, i) => (d, i)).OrderByDescending(x => x.d.Score).ThenBy(x => x.i).Select(x => x.d.Hit).ToArray();
        var recall = new double[ranked.Length];
        var precision = new double[ranked.Length];
        int tp = 0;
        for (var k = 0; k < ranked.Length; k++)
        {
            tp += ranked[k] ? 1 : 0;
            recall[k] = (double)tp / groundTruth;
            precision[k] = (double)tp / (k + 1);
        }

        // Precision envelope: the best precision at any recall at least this high.
        for (var k = ranked.Length - 2; k >= 0; k--)
        {
            precision[k] = Math.Max(precision[k], precision[k + 1]);
        }

        double ap = 0, previousRecall = 0;
        for (var k = 0; k < ranked.Length; k++)
        {
            if (recall[k] > previousRecall)
            {
                ap += (recall[k] - previousRecall) * precision[k];
                previousRecall = recall[k];
            }
        }

        return ap;
    }
}
