using EdgeCity.Domain.Detection;
using EdgeCity.Vision.Inference;
using EdgeCity.Vision.Tests.Support;
using OpenCvSharp;

namespace EdgeCity.Vision.Tests.Inference;

/// <summary>Once warm, a frame's path from Mat to boxes allocates no managed memory (no GC pressure at 30 fps x N cameras).</summary>
public sealed class SteadyStateAllocationSpec
{
    [Fact]
    public void Preprocess_run_and_decode_allocate_nothing_per_frame_once_warm()
    {
        using var model = DetectionModel.Load(RepoPaths.Fixtures, "yolov8-golden", new DetectorOptions { Providers = [ExecutionProvider.Cpu] });
        using var detector = new Detector(model);
        using var frame = new Mat(720, 1280, MatType.CV_8UC3, new Scalar(30, 90, 150));
        var found = new List<Detection>(16);
        for (var i = 0; i < 5; i++)
        {
            var lb = detector.Prepare(0, frame);
            detector.Run(1);
            detector.Decode(0, lb, found);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 50; i++)
        {
            var lb = detector.Prepare(0, frame);
            detector.Run(1);
            detector.Decode(0, lb, found);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(3, found.Count);
    }
}
