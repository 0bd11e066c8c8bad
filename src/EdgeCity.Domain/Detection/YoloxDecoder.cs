using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Detection;

/// <summary>
/// YOLOX raw grid output (exported with <c>decode_in_inference=False</c>): <c>[A, 5+C]</c> per image over the grids of
/// strides 8/16/32 in order; a row holds x/y offsets in cells, log width/height in cells, then sigmoided objectness and
/// class scores. Centre = (offset + cell) × stride, size = exp(log size) × stride.
/// </summary>
public sealed class YoloxDecoder : DetectionDecoder
{
    private readonly float[] _gridX;
    private readonly float[] _gridY;
    private readonly float[] _stride;

    public YoloxDecoder(ModelManifest manifest, int anchors)
        : base(manifest, anchors)
    {
        var expected = manifest.ExpectedAnchors ?? anchors;
        if (expected != anchors)
        {
            throw new ArgumentException($"YOLOX at {manifest.Input.Width}x{manifest.Input.Height} has {expected} anchors, not {anchors}", nameof(anchors));
        }

        _gridX = new float[anchors];
        _gridY = new float[anchors];
        _stride = new float[anchors];
        var i = 0;
        foreach (var s in manifest.Strides)
        {
            int w = manifest.Input.Width / s, h = manifest.Input.Height / s;
            for (var y = 0; y < h; y++)
            {
                for (var x = 0; x < w; x++, i++)
                {
                    _gridX[i] = x;
                    _gridY[i] = y;
                    _stride[i] = s;
                }
            }
        }
    }

    public override int FloatsPerImage => (5 + Manifest.Classes.Count) * Rows;

    protected override void Collect(ReadOnlySpan<float> output, List<Detection> into)
    {
        var stride = 5 + Manifest.Classes.Count;
        var threshold = Manifest.ScoreThreshold;
        for (var i = 0; i < Rows; i++)
        {
            var row = output.Slice(i * stride, stride);
            var objectness = row[4];
            if (objectness < threshold)
            {
                continue;
            }

            var (cls, score) = YoloV5Decoder.BestClass(row[5..]);
            score *= objectness;
            if (score < threshold)
            {
                continue;
            }

            var s = _stride[i];
            var cx = (row[0] + _gridX[i]) * s;
            var cy = (row[1] + _gridY[i]) * s;
            var w = MathF.Exp(row[2]) * s;
            var h = MathF.Exp(row[3]) * s;
            Add(into, BoxF.FromCenter(cx, cy, w, h), cls, score);
        }
    }
}
