using EdgeCity.Domain.Evaluation.DetectionMetrics;
using OpenCvSharp;

namespace EdgeCity.Vision.Evaluation;

/// <summary>One image with its ground truth (class ids in the model's order); owns the image.</summary>
public sealed class LabelledFrame(string source, Mat image, IReadOnlyList<GroundTruthBox> truth) : IDisposable
{
    /// <summary>Where the frame came from (image file, or recording and frame number), for messages.</summary>
    public string Source { get; } = source;

    /// <summary>The decoded BGR image.</summary>
    public Mat Image { get; } = image;

    /// <summary>Labelled boxes in <see cref="Image"/> pixels.</summary>
    public IReadOnlyList<GroundTruthBox> Truth { get; } = truth;

    public void Dispose() => Image.Dispose();
}
