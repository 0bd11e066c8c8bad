using EdgeCity.Domain.Detection;
using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Evaluation;

/// <summary>
/// Turns ground-truth boxes into a frame's detections, so the analytics (tracker, lines, zones, speeds) are measured on
/// their own, apart from the detector. Optional Gaussian jitter on box edges (pixels) and random dropouts model a
/// detector's noise; a seeded <see cref="Random"/> keeps a run repeatable.
/// </summary>
public sealed class TruthDetections(double noisePixels = 0, double dropoutRate = 0, int seed = 1)
{
    private readonly Random _random = new(seed);

    public double NoisePixels { get; } = noisePixels >= 0 && double.IsFinite(noisePixels) ? noisePixels : throw new ArgumentOutOfRangeException(nameof(noisePixels), noisePixels, "noise must be ≥ 0 pixels");

    public double DropoutRate { get; } = dropoutRate is >= 0 and < 1 ? dropoutRate : throw new ArgumentOutOfRangeException(nameof(dropoutRate), dropoutRate, "dropout rate must be in [0, 1)");

    /// <summary>The detections of one truth frame, captured at <paramref name="capturedAt"/>.</summary>
    public FrameDetections For(TruthFrame frame, string cameraId, DateTimeOffset capturedAt, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var detections = new List<Detection.Detection>(frame.Vehicles.Count);
        foreach (var v in frame.Vehicles)
        {
            if (DropoutRate > 0 && _random.NextDouble() < DropoutRate)
            {
                continue;
            }

            var b = TruthReader.BoxOf(v);
            if (NoisePixels > 0)
            {
                b = new BoxF(b.Left + Jitter(), b.Top + Jitter(), b.Right + Jitter(), b.Bottom + Jitter());
                if (b.Right - b.Left < 1 || b.Bottom - b.Top < 1)
                {
                    continue;
                }
            }

            detections.Add(new Detection.Detection(b, ClassIdOf(v.Class), v.Class, 0.9f));
        }

        return new FrameDetections(cameraId, frame.Frame, capturedAt, width, height, detections);
    }

    /// <summary>COCO-style class ids, as the vehicle detectors number them.</summary>
    public static int ClassIdOf(string className) => className switch
    {
        "bicycle" => 1,
        "car" => 2,
        "motorcycle" => 3,
        "bus" => 5,
        "truck" => 7,
        _ => 2,
    };

    private float Jitter()
    {
        // Box–Muller: a normal sample without a package.
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return (float)(NoisePixels * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
    }
}
