using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Labelling;

/// <summary>
/// A labeller's looks at one frame (<see cref="LabellerView"/>: the frame, its mirror image, zoomed tiles, other
/// models) made into one set of boxes. Boxes of one class that overlap (IoU at least <see cref="MatchIoU"/>), at most
/// one from each look, are one vehicle, their boxes averaged by score. Its score is judged at each scale apart (the
/// whole frame; tiles of one size): the scores its looks at that scale gave it, summed and divided by the number of
/// those looks that could have seen it (that did, or whose region held all of it at a size they resolve, or that are
/// as fine as a look that saw it); the best scale's judgement stands. A box two looks at the frame agree on keeps its
/// score, one that one of them saw keeps half and survives only when that look was sure; a car too small for the
/// whole frame is judged by the tiles, and a near car the tiles cut or mistake keeps the whole frame's judgement.
/// </summary>
public static class ViewFusion
{
    public const float MatchIoU = 0.55f;

    /// <summary>A box of the mirrored frame, back in the frame's own coordinates.</summary>
    public static BoxF Unmirror(BoxF box, int frameWidth) => new(frameWidth - box.Right, box.Top, frameWidth - box.Left, box.Bottom);

    /// <param name="views">The looks, each with its detections in frame pixels.</param>
    /// <param name="minScore">The fused score a box needs to be kept.</param>
    public static IReadOnlyList<Detection.Detection> Fuse(IReadOnlyList<LabellerView> views, float minScore)
    {
        ArgumentNullException.ThrowIfNull(views);
        var all = views.SelectMany((v, i) => v.Detections.Select(d => (View: i, Detection: d))).OrderByDescending(x => x.Detection.Score);
        var clusters = new List<Cluster>();
        foreach (var (view, d) in all)
        {
            Cluster? best = null;
            var bestIoU = MatchIoU;
            foreach (var c in clusters)
            {
                if (c.ClassName == d.ClassName && !c.Views.Contains(view) && c.Box.IoU(d.Box) is var iou && iou >= bestIoU)
                {
                    (best, bestIoU) = (c, iou);
                }
            }

            if (best is null)
            {
                clusters.Add(best = new Cluster(d));
            }

            best.Add(view, d);
        }

        var fused = new List<Detection.Detection>();
        foreach (var c in clusters)
        {
            var finest = c.Views.Min(i => views[i].MinSide);
            var score = 0f;
            foreach (var scale in c.Views.Select(i => views[i].Scale).Distinct())
            {
                var looks = Enumerable.Range(0, views.Count).Where(i => views[i].Scale == scale).ToList();
                var capable = looks.Count(i => c.Views.Contains(i) || views[i].Covers(c.Box, finest));
                score = Math.Max(score, looks.Where(c.Views.Contains).Sum(i => c.Scores[i]) / Math.Max(1, capable));
            }

            if (score >= minScore)
            {
                fused.Add(c.First with { Box = c.Box, Score = score });
            }
        }

        return fused;
    }

    private sealed class Cluster(Detection.Detection first)
    {
        private float _left, _top, _right, _bottom;

        public Detection.Detection First { get; } = first;

        public string ClassName => First.ClassName;

        public HashSet<int> Views { get; } = [];

        /// <summary>The score each look gave it.</summary>
        public Dictionary<int, float> Scores { get; } = [];

        public float ScoreSum { get; private set; }

        /// <summary>The members' boxes averaged by score.</summary>
        public BoxF Box => ScoreSum > 0 ? new(_left / ScoreSum, _top / ScoreSum, _right / ScoreSum, _bottom / ScoreSum) : First.Box;

        public void Add(int view, Detection.Detection d)
        {
            Views.Add(view);
            Scores[view] = d.Score;
            ScoreSum += d.Score;
            _left += d.Box.Left * d.Score;
            _top += d.Box.Top * d.Score;
            _right += d.Box.Right * d.Score;
            _bottom += d.Box.Bottom * d.Score;
        }
    }
}
