using EdgeCity.Domain.Detection;
using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Labelling;

/// <summary>
/// Test-time augmentation for a labeller: the frame and its mirror image are both detected, and what they agree on
/// is kept. A box seen in both views (same class, IoU at least <see cref="MatchIoU"/> after mirroring back) becomes one
/// box, the views' boxes averaged by score and the scores averaged; a box one view alone saw keeps half its score, so
/// it survives only when that view was sure of it.
/// </summary>
public static class FlipFusion
{
    public const float MatchIoU = 0.55f;

    /// <summary>A box of the mirrored frame, back in the frame's own coordinates.</summary>
    public static BoxF Unmirror(BoxF box, int frameWidth) => new(frameWidth - box.Right, box.Top, frameWidth - box.Left, box.Bottom);

    /// <param name="direct">Detections on the frame.</param>
    /// <param name="mirrored">Detections on the mirrored frame, already <see cref="Unmirror"/>ed.</param>
    /// <param name="minScore">The fused score a box needs to be kept.</param>
    public static IReadOnlyList<Detection.Detection> Fuse(IReadOnlyList<Detection.Detection> direct, IReadOnlyList<Detection.Detection> mirrored, float minScore)
    {
        ArgumentNullException.ThrowIfNull(direct);
        ArgumentNullException.ThrowIfNull(mirrored);
        var used = new bool[mirrored.Count];
        var fused = new List<Detection.Detection>();
        foreach (var d in direct.OrderByDescending(d => d.Score))
        {
            var best = -1;
            var bestIoU = MatchIoU;
            for (var i = 0; i < mirrored.Count; i++)
            {
                if (!used[i] && mirrored[i].ClassName == d.ClassName && d.Box.IoU(mirrored[i].Box) is var iou && iou >= bestIoU)
                {
                    (best, bestIoU) = (i, iou);
                }
            }

            if (best < 0)
            {
                fused.Add(d with { Score = d.Score / 2 });
                continue;
            }

            used[best] = true;
            var m = mirrored[best];
            var (wd, wm) = (d.Score / (d.Score + m.Score), m.Score / (d.Score + m.Score));
            fused.Add(d with
            {
                Box = new BoxF((d.Box.Left * wd) + (m.Box.Left * wm), (d.Box.Top * wd) + (m.Box.Top * wm), (d.Box.Right * wd) + (m.Box.Right * wm), (d.Box.Bottom * wd) + (m.Box.Bottom * wm)),
                Score = (d.Score + m.Score) / 2,
            });
        }

        fused.AddRange(mirrored.Where((_, i) => !used[i]).Select(m => m with { Score = m.Score / 2 }));
        return fused.Where(f => f.Score >= minScore).ToList();
    }
}
