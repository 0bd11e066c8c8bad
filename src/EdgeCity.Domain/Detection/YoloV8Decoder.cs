using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Detection;

/// <summary>YOLOv8 / YOLO11 heads: <c>[4+C, A]</c> per image, rows cx, cy, w, h then one row per class, no objectness.</summary>
public sealed class YoloV8Decoder : DetectionDecoder
{
    private readonly float[] _best;
    private readonly int[] _bestClass;

    public YoloV8Decoder(ModelManifest manifest, int anchors)
        : base(manifest, anchors)
    {
        _best = new float[anchors];
        _bestClass = new int[anchors];
    }

    public override int FloatsPerImage => (4 + Manifest.Classes.Count) * Rows;

    protected override void Collect(ReadOnlySpan<float> output, List<Detection> into)
    {
        var a = Rows;
        var best = _best.AsSpan();
        var bestClass = _bestClass.AsSpan();

        // Class rows are contiguous over anchors: a best-so-far pass per row reads memory in order.
        output.Slice(4 * a, a).CopyTo(best);
        bestClass.Clear();
        for (var c = 1; c < Manifest.Classes.Count; c++)
        {
            var row = output.Slice((4 + c) * a, a);
            for (var i = 0; i < a; i++)
            {
                if (row[i] > best[i])
                {
                    best[i] = row[i];
                    bestClass[i] = c;
                }
            }
        }

        var threshold = Manifest.ScoreThreshold;
        for (var i = 0; i < a; i++)
        {
            if (best[i] >= threshold)
            {
                var box = BoxF.FromCenter(output[i], output[a + i], output[(2 * a) + i], output[(3 * a) + i]);
                Add(into, box, bestClass[i], best[i]);
            }
        }
    }
}
