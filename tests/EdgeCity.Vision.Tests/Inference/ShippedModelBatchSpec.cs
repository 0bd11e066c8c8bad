using EdgeCity.Domain.Detection;
using EdgeCity.Vision.Inference;
using EdgeCity.Vision.Tests.Support;
using OpenCvSharp;

namespace EdgeCity.Vision.Tests.Inference;

/// <summary>
/// The shipped detectors have a dynamic batch dimension (models/train/dynamic_batch.py), so a box runs its cameras'
/// frames together: each frame of a batch must get exactly the boxes it gets alone.
/// </summary>
public sealed class ShippedModelBatchSpec
{
    private static string Models => Path.Combine(RepoPaths.Root, "models");

    public static TheoryData<string> Shipped => ["edgecity-vehicles", "nanodet-m-416", "nanodet-m-320"];

    [Theory]
    [MemberData(nameof(Shipped))]
    public void Each_frame_of_a_batch_gets_the_boxes_it_gets_alone(string model)
    {
        using var loaded = DetectionModel.Load(Models, model, new DetectorOptions { Providers = [ExecutionProvider.Cpu], MaxBatch = 3, IntraOpThreads = 1 });
        using var detector = new Detector(loaded);
        var clip = Path.Combine(RepoPaths.Root, "models", "testdata", "real", "motorway-overpass.mp4");
        var frames = Frames(clip, [30, 120, 250]);
        try
        {
            var alone = frames.Select(f =>
            {
                var found = new List<Detection>();
                var lb = detector.Prepare(0, f);
                detector.Run(1);
                detector.Decode(0, lb, found);
                return found;
            }).ToList();

            var letterboxes = frames.Select((f, i) => detector.Prepare(i, f)).ToList();
            detector.Run(frames.Count);
            var together = letterboxes.Select((lb, i) =>
            {
                var found = new List<Detection>();
                detector.Decode(i, lb, found);
                return found;
            }).ToList();

            Assert.Null(loaded.FixedBatch);
            Assert.All(alone, a => Assert.NotEmpty(a)); // real cars on every frame
            for (var i = 0; i < frames.Count; i++)
            {
                Assert.Equal(alone[i].Count, together[i].Count);
                foreach (var (a, t) in alone[i].Zip(together[i]))
                {
                    Assert.Equal(a.ClassName, t.ClassName);
                    Assert.Equal(a.Score, t.Score, 4);
                    Assert.Equal(a.Box.Left, t.Box.Left, 2);
                    Assert.Equal(a.Box.Top, t.Box.Top, 2);
                    Assert.Equal(a.Box.Right, t.Box.Right, 2);
                    Assert.Equal(a.Box.Bottom, t.Box.Bottom, 2);
                }
            }
        }
        finally
        {
            frames.ForEach(f => f.Dispose());
        }
    }

    private static List<Mat> Frames(string clip, int[] indices)
    {
        using var capture = new VideoCapture(clip);
        var frames = new List<Mat>();
        for (var i = 0; frames.Count < indices.Length; i++)
        {
            var frame = new Mat();
            Assert.True(capture.Read(frame) && !frame.Empty(), $"{clip}: frame {i}");
            if (indices.Contains(i))
            {
                frames.Add(frame);
            }
            else
            {
                frame.Dispose();
            }
        }

        return frames;
    }
}
