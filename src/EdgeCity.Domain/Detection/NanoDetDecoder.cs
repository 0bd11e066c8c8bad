using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Detection;

/// <summary>
/// NanoDet's GFL head, as its ONNX export lays it out: for each stride S in the manifest's order, class scores
/// <c>[A_S, C]</c> (sigmoid applied) then side distances <c>[A_S, 4×B]</c>, each side a distribution over B bins. A
/// side's distance is the distribution's expectation (softmax over the bins, dotted with 0..B−1) times S, measured from
/// the cell's centre (x·S + (S−1)/2, y·S + (S−1)/2). The image's slice is the outputs concatenated in
/// <see cref="DetectionDecoder.OutputNamesOf"/> order.
/// </summary>
public sealed class NanoDetDecoder : DetectionDecoder
{
    private readonly int _bins;

    public NanoDetDecoder(ModelManifest manifest, int anchors)
        : base(manifest, anchors)
    {
        var expected = manifest.ExpectedAnchors ?? anchors;
        if (expected != anchors)
        {
            throw new ArgumentException($"NanoDet at {manifest.Input.Width}x{manifest.Input.Height} with strides [{string.Join(", ", manifest.Strides)}] has {expected} anchors, not {anchors}", nameof(anchors));
        }

        _bins = manifest.DistributionBins;
    }

    public override int FloatsPerImage => Rows * (Manifest.Classes.Count + (4 * _bins));

    /// <summary>
    /// Checks the model's outputs (in <see cref="DetectionDecoder.OutputNamesOf"/> order, with batch) against the
    /// manifest; returns the anchors per image or a sentence saying what disagrees.
    /// </summary>
    public static (int Rows, string? Problem) CheckShapes(ModelManifest manifest, IReadOnlyList<IReadOnlyList<long>> shapes)
    {
        var names = OutputNamesOf(manifest);
        if (shapes.Count != names.Count)
        {
            return (0, $"layout nanoDet reads {names.Count} outputs ({string.Join(", ", names)}), got {shapes.Count}");
        }

        var rows = 0;
        for (var i = 0; i < manifest.Strides.Count; i++)
        {
            var s = manifest.Strides[i];
            long cells = (manifest.Input.Width / s) * (manifest.Input.Height / s);
            long[] cls = [-1, cells, manifest.Classes.Count];
            long[] dis = [-1, cells, 4 * manifest.DistributionBins];
            foreach (var (shape, want, name) in new[] { (shapes[2 * i], cls, names[2 * i]), (shapes[(2 * i) + 1], dis, names[(2 * i) + 1]) })
            {
                if (shape.Count != 3 || shape[1] != want[1] || shape[2] != want[2])
                {
                    return (0, $"output {name} is [{string.Join(", ", shape)}]; stride {s} at {manifest.Input.Width}x{manifest.Input.Height} with {manifest.Classes.Count} classes and {manifest.DistributionBins} bins needs [N, {want[1]}, {want[2]}]");
                }
            }

            rows += (int)cells;
        }

        return (rows, null);
    }

    protected override void Collect(ReadOnlySpan<float> output, List<Detection> into)
    {
        var classes = Manifest.Classes.Count;
        var perSide = _bins;
        var threshold = Manifest.ScoreThreshold;
        float width = Manifest.Input.Width, height = Manifest.Input.Height;
        var offset = 0;
        var strides = Manifest.Strides;
        for (var k = 0; k < strides.Count; k++) // an index, not foreach: an interface enumerator allocates per frame
        {
            var s = strides[k];
            int gw = Manifest.Input.Width / s, cells = gw * (Manifest.Input.Height / s);
            var scores = output.Slice(offset, cells * classes);
            var distances = output.Slice(offset + (cells * classes), cells * 4 * perSide);
            offset += cells * (classes + (4 * perSide));
            for (var i = 0; i < cells; i++)
            {
                var (cls, score) = YoloV5Decoder.BestClass(scores.Slice(i * classes, classes));
                if (score < threshold)
                {
                    continue;
                }

                var d = distances.Slice(i * 4 * perSide, 4 * perSide);
                var cx = ((i % gw) * s) + (0.5f * (s - 1));
                var cy = ((i / gw) * s) + (0.5f * (s - 1));
                var left = Expectation(d[..perSide]) * s;
                var top = Expectation(d.Slice(perSide, perSide)) * s;
                var right = Expectation(d.Slice(2 * perSide, perSide)) * s;
                var bottom = Expectation(d.Slice(3 * perSide, perSide)) * s;
                var box = new BoxF(
                    Math.Clamp(cx - left, 0, width),
                    Math.Clamp(cy - top, 0, height),
                    Math.Clamp(cx + right, 0, width),
                    Math.Clamp(cy + bottom, 0, height));
                Add(into, box, cls, score);
            }
        }
    }

    // Softmax over the bins (max subtracted for stability), dotted with the bin indices.
    private static float Expectation(ReadOnlySpan<float> logits)
    {
        var max = logits[0];
        for (var b = 1; b < logits.Length; b++)
        {
            max = MathF.Max(max, logits[b]);
        }

        float sum = 0, weighted = 0;
        for (var b = 0; b < logits.Length; b++)
        {
            var e = MathF.Exp(logits[b] - max);
            sum += e;
            weighted += e * b;
        }

        return weighted / sum;
    }
}
