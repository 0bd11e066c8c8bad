using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Detection;

/// <summary>YOLOv5 heads: <c>[A, 5+C]</c> per image, each row cx, cy, w, h, objectness, class scores; score = objectness × class.</summary>
public sealed class YoloV5Decoder(ModelManifest manifest, int anchors) : DetectionDecoder(manifest, anchors)
{
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
                continue; // score = obj × cls ≤ obj: nothing below the threshold can pass
            }

            var (cls, score) = BestClass(row[5..]);
            score *= objectness;
            if (score >= threshold)
            {
                Add(into, BoxF.FromCenter(row[0], row[1], row[2], row[3]), cls, score);
            }
        }
    }

    internal static (int Class, float Score) BestClass(ReadOnlySpan<float> scores)
    {
        var best = 0;
        for (var c = 1; c < scores.Length; c++)
        {
            if (scores[c] > scores[best])
            {
                best = c;
            }
        }

        return (best, scores[best]);
    }
}
