using EdgeCity.Domain.Counting;

namespace EdgeCity.Domain.Evaluation;

/// <summary>
/// The core of <c>edgecity eval counts</c>: pairs what the pipeline produced on a camera-twin recording with the
/// twin's ground truth. Counts are compared per line and direction and summed per approach over its flow lines;
/// queues are paired per lane with the truth frame nearest in time (the truth clipped to how far the camera watches
/// the lane, and also whole); speeds per vehicle, matching boxes by IoU.
/// </summary>
public static class CountEvaluator
{
    public static EvaluationReport Evaluate(
        IReadOnlyList<TruthFrame> truth,
        PipelineObservations observed,
        IReadOnlyList<CountLine> lines,
        EvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(lines);
        var opts = options ?? new EvaluationOptions();

        var lineRows = new List<LineEvaluation>();
        foreach (var line in lines)
        {
            foreach (var direction in new[] { CrossingDirection.Forward, CrossingDirection.Backward })
            {
                var name = direction == CrossingDirection.Forward ? "forward" : "backward";
                var trueTimes = truth.SelectMany(f => f.Crossings.Where(c => c.Line == line.Id && c.Direction == name).Select(_ => f.Time)).ToList();
                var countTimes = observed.Counts.Where(c => c.LineId == line.Id && c.Direction == direction).Select(c => c.Time).ToList();
                var (trueCount, counted) = (trueTimes.Count, countTimes.Count);
                var allowed = (line.Directions & (direction == CrossingDirection.Forward ? CountDirections.Forward : CountDirections.Backward)) != 0;
                if (allowed && (trueCount > 0 || counted > 0 || direction == CrossingDirection.Forward))
                {
                    var (matched, repeated) = CrossingMatch.Pair(trueTimes, countTimes, opts.CrossingToleranceSeconds);
                    lineRows.Add(new LineEvaluation(line.Approach, line.Id, direction, counted, trueCount, ErrorPercent(counted, trueCount)) { Matched = matched, Repeated = repeated });
                }
            }
        }

        var queueErrors = QueueErrors(truth, observed, opts);
        var speedErrors = SpeedErrors(truth, observed, opts);
        var approaches = lines.Select(l => l.Approach)
            .Concat(queueErrors.Keys)
            .Concat(speedErrors.Keys.Where(k => k.Length > 0))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(a =>
            {
                var flowLines = lines.Where(l => l.Approach == a && l.Flow).Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
                var rows = lineRows.Where(r => flowLines.Contains(r.LineId)).ToList();
                var counted = rows.Sum(r => r.Counted);
                var trueCount = rows.Sum(r => r.Truth);
                var q = queueErrors.GetValueOrDefault(a) ?? [];
                var s = speedErrors.GetValueOrDefault(a) ?? [];
                return new ApproachEvaluation(
                    a,
                    counted,
                    trueCount,
                    rows.Count > 0 ? ApproachErrorPercent(rows) : null,
                    q.Count > 0 ? q.Average(e => e.InReach) : null,
                    q.Count,
                    s.Count > 0 ? s.Average() : null,
                    s.Count)
                {
                    QueueMaeUnclippedMeters = q.Count > 0 ? q.Average(e => e.Whole) : null,
                    QueueBeyondViewShare = q.Count > 0 ? q.Count(e => e.BeyondView) / (double)q.Count : null,
                };
            })
            .ToList();

        var duration = truth.Count > 0 ? truth[^1].Time - truth[0].Time : 0;
        return new EvaluationReport(duration, lineRows, approaches);
    }

    /// <summary>
    /// The approach's error: Σ|counted − true| over its lines and directions, in percent of Σ true, so a spurious count
    /// in one direction never hides a missed one in the other.
    /// </summary>
    private static double? ApproachErrorPercent(List<LineEvaluation> rows)
    {
        var truth = rows.Sum(r => r.Truth);
        var off = rows.Sum(r => Math.Abs(r.Counted - r.Truth));
        return truth > 0 ? off * 100.0 / truth : off == 0 ? 0 : null;
    }

    /// <summary>|counted − true| / true in percent; 0 when both are 0; null when only the truth is 0.</summary>
    public static double? ErrorPercent(int counted, int truth) =>
        truth > 0 ? Math.Abs(counted - truth) * 100.0 / truth : counted == 0 ? 0 : null;

    private static Dictionary<string, List<QueueError>> QueueErrors(IReadOnlyList<TruthFrame> truth, PipelineObservations observed, EvaluationOptions opts)
    {
        var result = new Dictionary<string, List<QueueError>>(StringComparer.Ordinal);
        foreach (var q in observed.Queues)
        {
            if (Nearest(truth, q.Time, opts.TimeToleranceSeconds) is not { } frame)
            {
                continue;
            }

            // A lane the truth frame does not list has no queue.
            var trueMeters = frame.Queues.FirstOrDefault(t => t.Lane == q.Lane)?.Meters ?? 0;
            if (!result.TryGetValue(q.Approach, out var list))
            {
                result[q.Approach] = list = [];
            }

            var inReach = q.ReachMeters is { } reach ? Math.Min(trueMeters, reach) : trueMeters;
            list.Add(new QueueError(Math.Abs(q.Meters - inReach), Math.Abs(q.Meters - trueMeters), trueMeters > inReach));
        }

        return result;
    }

    private readonly record struct QueueError(double InReach, double Whole, bool BeyondView);

    private static Dictionary<string, List<double>> SpeedErrors(IReadOnlyList<TruthFrame> truth, PipelineObservations observed, EvaluationOptions opts)
    {
        var result = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        foreach (var s in observed.Speeds)
        {
            if (Nearest(truth, s.Time, opts.TimeToleranceSeconds) is not { } frame)
            {
                continue;
            }

            TruthVehicle? best = null;
            var bestIoU = opts.SpeedMatchIoU;
            foreach (var v in frame.Vehicles)
            {
                var iou = s.Box.IoU(TruthReader.BoxOf(v));
                if (iou >= bestIoU)
                {
                    best = v;
                    bestIoU = iou;
                }
            }

            if (best?.Speed is not { } trueSpeed || trueSpeed < opts.MinTruthSpeedMetersPerSecond)
            {
                continue;
            }

            var approach = best.Approach ?? frame.Queues.FirstOrDefault(q => q.Lane == best.Lane)?.Approach ?? string.Empty;
            if (!result.TryGetValue(approach, out var list))
            {
                result[approach] = list = [];
            }

            list.Add(Math.Abs(s.MetersPerSecond - trueSpeed) * 100.0 / trueSpeed);
        }

        return result;
    }

    private static TruthFrame? Nearest(IReadOnlyList<TruthFrame> frames, double time, double tolerance)
    {
        int lo = 0, hi = frames.Count - 1;
        if (hi < 0)
        {
            return null;
        }

        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (frames[mid].Time < time)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        var best = frames[lo];
        if (lo > 0 && Math.Abs(frames[lo - 1].Time - time) < Math.Abs(best.Time - time))
        {
            best = frames[lo - 1];
        }

        return Math.Abs(best.Time - time) <= tolerance ? best : null;
    }
}
