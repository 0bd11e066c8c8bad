using DetectedBox = EdgeCity.Domain.Detection.Detection;

namespace EdgeCity.Domain.Evaluation.DetectionMetrics;

/// <summary>
/// Accumulates frames of (ground truth, detections) and scores them per class: detections are matched greedily by
/// descending score to the unmatched ground-truth box of the same class with the highest IoU, a hit when IoU ≥ the
/// threshold (0.5: the PASCAL VOC / COCO AP50 rule). Detections of classes the model does not have are ignored.
/// </summary>
public sealed class DetectionEvaluator
{
    private readonly IReadOnlyList<string> _classes;
    private readonly float _iou;
    private readonly List<(float Score, bool Hit)>[] _ranked;
    private readonly int[] _truth;
    private readonly int[] _stopLineTruth;
    private readonly List<float>[] _stopLineHitScores;
    private readonly int[] _stopLineVisibleTruth;
    private readonly List<float>[] _stopLineVisibleHitScores;
    private int _frames;

    /// <summary>Scores the model's <paramref name="classes"/> (index = class id) at IoU <paramref name="iouThreshold"/>.</summary>
    public DetectionEvaluator(IReadOnlyList<string> classes, float iouThreshold = 0.5f)
    {
        ArgumentNullException.ThrowIfNull(classes);
        if (iouThreshold is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(iouThreshold), iouThreshold, "IoU threshold must be in (0, 1]");
        }

        _classes = classes;
        _iou = iouThreshold;
        _ranked = classes.Select(_ => new List<(float, bool)>()).ToArray();
        _truth = new int[classes.Count];
        _stopLineTruth = new int[classes.Count];
        _stopLineHitScores = classes.Select(_ => new List<float>()).ToArray();
        _stopLineVisibleTruth = new int[classes.Count];
        _stopLineVisibleHitScores = classes.Select(_ => new List<float>()).ToArray();
    }

    /// <summary>Frames added so far.</summary>
    public int Frames => _frames;

    /// <summary>Adds one frame's ground truth and the model's detections on it (any score; thresholds apply at <see cref="Result"/>).</summary>
    public void Add(IReadOnlyList<GroundTruthBox> truth, IReadOnlyList<DetectedBox> detections)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(detections);
        _frames++;
        var used = new bool[truth.Count];
        foreach (var t in truth)
        {
            if (t.ClassId >= 0 && t.ClassId < _classes.Count)
            {
                _truth[t.ClassId]++;
                _stopLineTruth[t.ClassId] += t.AtStopLine ? 1 : 0;
                _stopLineVisibleTruth[t.ClassId] += t.AtStopLine && IsVisible(t) ? 1 : 0;
            }
        }

        foreach (var d in detections.Where(d => d.ClassId >= 0 && d.ClassId < _classes.Count).OrderByDescending(d => d.Score))
        {
            int best = -1;
            float bestIou = 0;
            for (var i = 0; i < truth.Count; i++)
            {
                if (used[i] || truth[i].ClassId != d.ClassId)
                {
                    continue;
                }

                var iou = truth[i].Box.IoU(d.Box);
                if (iou > bestIou)
                {
                    bestIou = iou;
                    best = i;
                }
            }

            var hit = best >= 0 && bestIou >= _iou;
            if (hit)
            {
                used[best] = true;
                if (truth[best].AtStopLine)
                {
                    _stopLineHitScores[d.ClassId].Add(d.Score);
                    if (IsVisible(truth[best]))
                    {
                        _stopLineVisibleHitScores[d.ClassId].Add(d.Score);
                    }
                }
            }

            _ranked[d.ClassId].Add((d.Score, hit));
        }
    }

    /// <summary>Per-class metrics; precision and recall are taken over detections scoring at least <paramref name="scoreThreshold"/>.</summary>
    public DetectionEvaluation Result(float scoreThreshold)
    {
        var rows = new List<ClassMetrics>(_classes.Count);
        for (var c = 0; c < _classes.Count; c++)
        {
            var kept = _ranked[c].Where(r => r.Score >= scoreThreshold).ToList();
            var tp = kept.Count(r => r.Hit);
            var stopHits = _stopLineHitScores[c].Count(s => s >= scoreThreshold);
            var visibleStopHits = _stopLineVisibleHitScores[c].Count(s => s >= scoreThreshold);
            rows.Add(new ClassMetrics(
                _classes[c],
                _truth[c],
                kept.Count,
                tp,
                kept.Count == 0 ? null : (double)tp / kept.Count,
                _truth[c] == 0 ? null : (double)tp / _truth[c],
                AveragePrecision.AllPoint(_ranked[c], _truth[c]),
                _stopLineTruth[c],
                _stopLineTruth[c] == 0 ? null : (double)stopHits / _stopLineTruth[c])
            {
                StopLineVisibleGroundTruth = _stopLineVisibleTruth[c],
                StopLineVisibleRecall = _stopLineVisibleTruth[c] == 0 ? null : (double)visibleStopHits / _stopLineVisibleTruth[c],
            });
        }

        return new DetectionEvaluation(_frames, _iou, scoreThreshold, rows);
    }

    /// <summary>At least half of the box is visible (KITTI's moderate occlusion level).</summary>
    public static bool IsVisible(GroundTruthBox box) => box.Visible >= 0.5f;
}
