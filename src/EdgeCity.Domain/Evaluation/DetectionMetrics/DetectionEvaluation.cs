namespace EdgeCity.Domain.Evaluation.DetectionMetrics;

/// <summary>Per-class detection metrics over a set of frames, with the thresholds they were taken at.</summary>
public sealed record DetectionEvaluation(int Frames, float IouThreshold, float ScoreThreshold, IReadOnlyList<ClassMetrics> Classes)
{
    /// <summary>Mean AP@0.5 over the classes that have ground truth; null when none has.</summary>
    public double? MeanAp50
    {
        get
        {
            var scored = Classes.Where(c => c.Ap50.HasValue).Select(c => c.Ap50!.Value).ToList();
            return scored.Count == 0 ? null : scored.Average();
        }
    }
}
