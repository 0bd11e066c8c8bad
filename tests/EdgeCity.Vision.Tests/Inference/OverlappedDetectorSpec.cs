using EdgeCity.Domain.Detection;
using EdgeCity.Vision.Capture;
using EdgeCity.Vision.Inference;
using EdgeCity.Vision.Tests.Support;
using OpenCvSharp;

namespace EdgeCity.Vision.Tests.Inference;

/// <summary>
/// The overlapped detector letterboxes and decodes on the caller's thread while its runner runs the other lane: the
/// boxes must be exactly those of a plain detector, batch after batch in order, and the handoff must cost nothing.
/// </summary>
public sealed class OverlappedDetectorSpec
{
    private static readonly DetectorOptions Cpu = new() { Providers = [ExecutionProvider.Cpu], MaxBatch = 1 };

    [Fact]
    public void Batches_come_back_in_order_with_the_boxes_a_plain_detector_finds()
    {
        // The benchmark network's random weights find different boxes on each frame of the clip.
        using var model = DetectionModel.Load(Path.Combine(RepoPaths.Root, "models", "bench"), "yolov8-bench-640", Cpu);
        var frames = ReadFrames(6, every: 12);
        var expected = new List<Detection[]>();
        using (var plain = new Detector(model))
        {
            var found = new List<Detection>();
            foreach (var f in frames)
            {
                var lb = plain.Prepare(0, f);
                plain.Run(1);
                plain.Decode(0, lb, found);
                expected.Add([.. found]);
            }
        }

        var actual = new List<Detection[]>();
        using (var overlapped = new OverlappedDetector(model))
        {
            var found = new List<Detection>();
            var letterboxes = new Letterbox[2];
            foreach (var f in frames)
            {
                var lane = overlapped.Filling;
                letterboxes[lane] = overlapped.Lane(lane).Prepare(0, f);
                if (overlapped.Submit(1, out var error) == 1)
                {
                    Assert.Null(error);
                    overlapped.Lane(1 - lane).Decode(0, letterboxes[1 - lane], found);
                    actual.Add([.. found]);
                }
            }

            // The last batch is still in the other lane: collect it.
            Assert.True(overlapped.OtherBusy);
            Assert.Equal(1, overlapped.Collect(overlapped.Other, out var last));
            Assert.Null(last);
            overlapped.Lane(overlapped.Other).Decode(0, letterboxes[overlapped.Other], found);
            actual.Add([.. found]);
            Assert.False(overlapped.OtherBusy);
            Assert.Equal(0, overlapped.Collect(overlapped.Other, out _));
        }

        foreach (var f in frames)
        {
            f.Dispose();
        }

        Assert.Equal(frames.Count, actual.Count);
        Assert.Contains(expected, e => e.Length > 0);
        Assert.NotEqual(expected[0], expected[1]);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i], actual[i]);
        }
    }

    [Fact]
    public void The_caller_allocates_nothing_per_frame_once_warm()
    {
        using var model = DetectionModel.Load(RepoPaths.Fixtures, "yolov8-golden", Cpu);
        using var overlapped = new OverlappedDetector(model);
        using var frame = new Mat(720, 1280, MatType.CV_8UC3, new Scalar(30, 90, 150));
        var found = new List<Detection>(16);
        var letterboxes = new Letterbox[2];
        var decoded = 0;
        void Step()
        {
            var lane = overlapped.Filling;
            letterboxes[lane] = overlapped.Lane(lane).Prepare(0, frame);
            if (overlapped.Submit(1, out _) == 1)
            {
                overlapped.Lane(1 - lane).Decode(0, letterboxes[1 - lane], found);
                decoded++;
            }
        }

        for (var i = 0; i < 5; i++)
        {
            Step();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 50; i++)
        {
            Step();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(54, decoded);
        Assert.Equal(3, found.Count);
    }

    private static List<Mat> ReadFrames(int count, int every)
    {
        using var capture = new VideoCapture(RepoPaths.Clip);
        var frames = new List<Mat>();
        for (var i = 0; frames.Count < count; i++)
        {
            var m = new Mat();
            Assert.True(capture.Read(m), $"{RepoPaths.Clip}: frame {i} not decoded");
            if (i % every == 0)
            {
                frames.Add(m);
            }
            else
            {
                m.Dispose();
            }
        }

        return frames;
    }
}
