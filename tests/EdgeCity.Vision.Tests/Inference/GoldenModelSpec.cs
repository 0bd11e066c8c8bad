using EdgeCity.Domain.Detection;
using EdgeCity.Domain.Geometry;
using EdgeCity.Vision.Inference;
using EdgeCity.Vision.Tests.Support;
using OpenCvSharp;

namespace EdgeCity.Vision.Tests.Inference;

/// <summary>
/// Each layout's golden model (models/fixtures, made by generate.py) emits the same detections in its own format; run
/// through a real ONNX Runtime session and decoded, they must come back as the same boxes in source pixels.
/// </summary>
public sealed class GoldenModelSpec
{
    private static readonly DetectorOptions Cpu = new() { Providers = [ExecutionProvider.Cpu], MaxBatch = 2 };

    // A 128x96 frame letterboxed into 64x64: scale 0.5, resized to 64x48.
    // Centred: 8 px bands above and below. Top-left (YOLOX): all padding at the bottom.
    public static TheoryData<string, float> Layouts => new()
    {
        { "yolov8-golden", 8f },
        { "yolov5-golden", 8f },
        { "yolox-golden", 0f },
        { "end-to-end-golden", 8f },
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Every_layout_decodes_to_the_same_boxes_in_source_pixels(string model, float padY)
    {
        using var loaded = DetectionModel.Load(RepoPaths.Fixtures, model, Cpu);
        using var detector = new Detector(loaded);
        using var frame = new Mat(96, 128, MatType.CV_8UC3, Scalar.All(40));
        var found = new List<Detection>();

        var lb = detector.Prepare(0, frame);
        detector.Run(1);
        detector.Decode(0, lb, found);

        // Input boxes (cx, cy, w, h): car (32, 24, 16, 8) 0.9, its duplicate 0.8 (suppressed), truck (33, 25, 16, 8) 0.7
        // kept beside the car (other class), bus (10, 40, 8, 8) 0.3, and a car at 0.2 (below the 0.25 threshold).
        Assert.Equal(["car", "truck", "bus"], found.Select(d => d.ClassName));
        Assert.Equal([0, 1, 2], found.Select(d => d.ClassId));
        AssertBox(new BoxF(48, (20 - padY) * 2, 80, (28 - padY) * 2), 0.9f, found[0]);
        AssertBox(new BoxF(50, (21 - padY) * 2, 82, (29 - padY) * 2), 0.7f, found[1]);
        AssertBox(new BoxF(12, (36 - padY) * 2, 28, (44 - padY) * 2), 0.3f, found[2]);
        Assert.Equal(ExecutionProvider.Cpu, loaded.Provider);
    }

    [Fact]
    public void A_dynamic_batch_model_answers_each_frame_of_a_batch_separately()
    {
        using var loaded = DetectionModel.Load(RepoPaths.Fixtures, "yolov8-dynamic", Cpu);
        using var detector = new Detector(loaded);
        using var dark = new Mat(64, 64, MatType.CV_8UC3, Scalar.All(0));
        using var bright = new Mat(64, 64, MatType.CV_8UC3, Scalar.All(255));
        var first = new List<Detection>();
        var second = new List<Detection>();

        var lb0 = detector.Prepare(0, dark);
        var lb1 = detector.Prepare(1, bright);
        detector.Run(2);
        detector.Decode(0, lb0, first);
        detector.Decode(1, lb1, second);

        // The model moves the car's centre by 16 x the mean input level (0 for black, 1 for white); no letterbox at 64x64.
        Assert.Null(loaded.FixedBatch);
        Assert.Equal(2, detector.MaxBatch);
        Assert.Equal(24f, first[0].Box.Left, 3);
        Assert.Equal(40f, second[0].Box.Left, 3);
    }

    [Fact]
    public void Preparing_the_same_frame_again_rewrites_the_same_tensor()
    {
        using var loaded = DetectionModel.Load(RepoPaths.Fixtures, "yolov8-golden", Cpu);
        using var detector = new Detector(loaded);
        using var frame = new Mat(96, 128, MatType.CV_8UC3, Scalar.All(40));
        var once = new List<Detection>();
        var twice = new List<Detection>();

        var lb = detector.Prepare(0, frame);
        detector.Run(1);
        detector.Decode(0, lb, once);
        lb = detector.Prepare(0, frame);
        detector.Run(1);
        detector.Decode(0, lb, twice);

        Assert.Equal(once, twice);
    }

    private static void AssertBox(BoxF expected, float score, Detection actual)
    {
        Assert.Equal(expected.Left, actual.Box.Left, 2);
        Assert.Equal(expected.Top, actual.Box.Top, 2);
        Assert.Equal(expected.Right, actual.Box.Right, 2);
        Assert.Equal(expected.Bottom, actual.Box.Bottom, 2);
        Assert.Equal(score, actual.Score, 3);
    }
}
