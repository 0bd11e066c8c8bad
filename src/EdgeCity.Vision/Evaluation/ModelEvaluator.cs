using EdgeCity.Domain.Detection;
using EdgeCity.Domain.Evaluation.DetectionMetrics;
using EdgeCity.Vision.Inference;

namespace EdgeCity.Vision.Evaluation;

/// <summary>
/// Runs a model over labelled frames with ONNX Runtime and scores it per class (precision, recall, AP@0.5). The model
/// is loaded with a near-zero score threshold so the whole precision/recall curve is seen; precision and recall are
/// reported at the manifest's own threshold unless another is given. Boxes smaller than <c>minSide</c> pixels in the
/// truth are left out of the score, and so are detections matching nothing that are that small.
/// </summary>
public static class ModelEvaluator
{
    /// <summary>Loads the manifest's model for evaluation (CPU, all cores, batch 1).</summary>
    public static DetectionModel LoadForEvaluation(ModelManifest manifest, string onnxPath, int threads)
        => DetectionModel.Load(
            manifest with { ScoreThreshold = 0.001f, MaxDetections = Math.Max(manifest.MaxDetections, 300) },
            onnxPath,
            new DetectorOptions { Providers = [ExecutionProvider.Cpu], IntraOpThreads = threads, MaxBatch = 1 });

    /// <summary>Evaluates <paramref name="model"/> on <paramref name="frames"/> (each disposed after use).</summary>
    public static DetectionEvaluation Evaluate(DetectionModel model, IEnumerable<LabelledFrame> frames, float scoreThreshold, float minSide = 0)
        => Collect(model, frames, minSide).Result(scoreThreshold);

    /// <summary>Runs <paramref name="model"/> on <paramref name="frames"/> once; the result can then be read at any score threshold.</summary>
    public static DetectionEvaluator Collect(DetectionModel model, IEnumerable<LabelledFrame> frames, float minSide = 0)
    {
        var evaluator = new DetectionEvaluator(model.Manifest.Classes);
        using var detector = new Detector(model);
        var detections = new List<Detection>();
        foreach (var frame in frames)
        {
            using (frame)
            {
                var lb = detector.Prepare(0, frame.Image);
                detector.Run(1);
                detector.Decode(0, lb, detections);
                var truth = frame.Truth.Where(t => Math.Min(t.Box.Width, t.Box.Height) >= minSide).ToList();
                var small = frame.Truth.Where(t => Math.Min(t.Box.Width, t.Box.Height) < minSide).ToList();
                // A detection on a box too small to be scored is neither a hit nor a false alarm.
                var kept = small.Count == 0 ? detections : detections.Where(d => !small.Any(s => s.Box.IoU(d.Box) >= 0.5f)).ToList();
                evaluator.Add(truth, kept);
            }
        }

        return evaluator;
    }
}
