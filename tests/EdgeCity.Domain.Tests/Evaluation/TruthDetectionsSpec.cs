using EdgeCity.Domain.Evaluation;

namespace EdgeCity.Domain.Tests.Evaluation;

public sealed class TruthDetectionsSpec
{
    private static TruthFrame Frame(int vehicles) => new()
    {
        Frame = 3,
        Time = 900.3,
        Vehicles = Enumerable.Range(0, vehicles).Select(i => new TruthVehicle { Id = $"v{i}", Box = [10 + i, 20, 50 + i, 60], Class = i % 2 == 0 ? "car" : "bus", Lane = "l" }).ToList(),
    };

    [Fact]
    public void Without_noise_the_detections_are_the_truth_boxes_and_classes()
    {
        var at = DateTimeOffset.UnixEpoch.AddSeconds(900.3);

        var frame = new TruthDetections().For(Frame(2), "cam", at, 640, 360);

        Assert.Equal(("cam", 3L, at, 640, 360), (frame.CameraId, frame.FrameNumber, frame.CapturedAt, frame.FrameWidth, frame.FrameHeight));
        Assert.Equal([(10f, 20f, 50f, 60f, "car", 2), (11f, 20f, 51f, 60f, "bus", 5)], frame.Detections.Select(d => (d.Box.Left, d.Box.Top, d.Box.Right, d.Box.Bottom, d.ClassName, d.ClassId)));
    }

    [Fact]
    public void Dropouts_remove_about_their_share_and_noise_moves_edges_by_about_its_sigma()
    {
        var truth = Frame(1000);

        var frame = new TruthDetections(noisePixels: 2, dropoutRate: 0.2, seed: 3).For(truth, "cam", DateTimeOffset.UnixEpoch, 640, 360);

        Assert.InRange(frame.Detections.Count, 760, 840);
        var rms = Math.Sqrt(frame.Detections.Select(d => Math.Pow(d.Box.Top - 20, 2)).Average());
        Assert.InRange(rms, 1.8, 2.2);
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(0, 1)]
    public void Nonsense_noise_or_dropout_is_refused(double noise, double dropout) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TruthDetections(noise, dropout));
}
