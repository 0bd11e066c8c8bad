using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Detection;

/// <summary>End-to-end heads (YOLOv10, YOLO26): <c>[K, 6]</c> per image, rows x1, y1, x2, y2, score, class; no NMS needed.</summary>
public sealed class EndToEndDecoder(ModelManifest manifest, int slots) : DetectionDecoder(manifest, slots)
{
    public override int FloatsPerImage => 6 * Rows;

    protected override bool NeedsNms => false;

    protected override void Collect(ReadOnlySpan<float> output, List<Detection> into)
    {
        var threshold = Manifest.ScoreThreshold;
        for (var i = 0; i < Rows; i++)
        {
            var row = output.Slice(i * 6, 6);
            if (row[4] >= threshold)
            {
                Add(into, new BoxF(row[0], row[1], row[2], row[3]), (int)MathF.Round(row[5]), row[4]);
            }
        }
    }
}
