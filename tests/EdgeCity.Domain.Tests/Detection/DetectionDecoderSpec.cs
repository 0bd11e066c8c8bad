using EdgeCity.Domain.Detection;

namespace EdgeCity.Domain.Tests.Detection;

public sealed class DetectionDecoderSpec
{
    private static readonly ModelManifest V8 = new() { Name = "v8", Layout = ModelLayout.YoloV8, Input = new ModelInput { Width = 64, Height = 64 }, Classes = ["car", "truck"] };
    private static readonly Letterbox Identity = Letterbox.Fit(64, 64, 64, 64, LetterboxAlignment.Center);

    [Fact]
    public void YoloV8_reads_the_transposed_layout_and_picks_the_best_class()
    {
        // [4+C, A] with A = 2: anchor 0 is a truck at (20, 30) 10x10, anchor 1 is below the threshold.
        float[] output =
        [
            20, 50, // cx
            30, 50, // cy
            10, 10, // w
            10, 10, // h
            0.3f, 0.1f, // car
            0.8f, 0.2f, // truck
        ];
        var decoder = DetectionDecoder.Create(V8, 2);
        var found = new List<EdgeCity.Domain.Detection.Detection>();

        decoder.Decode(output, Identity, found);

        var d = Assert.Single(found);
        Assert.Equal(("truck", 1, 0.8f), (d.ClassName, d.ClassId, d.Score));
        Assert.Equal(new EdgeCity.Domain.Geometry.BoxF(15, 25, 25, 35), d.Box);
    }

    [Fact]
    public void End_to_end_class_ids_outside_the_manifest_are_dropped_and_counted()
    {
        var manifest = V8 with { Layout = ModelLayout.EndToEnd };
        float[] output = [0, 0, 10, 10, 0.9f, 1, 0, 0, 10, 10, 0.9f, 7];
        var decoder = DetectionDecoder.Create(manifest, 2);
        var found = new List<EdgeCity.Domain.Detection.Detection>();

        decoder.Decode(output, Identity, found);

        Assert.Equal("truck", Assert.Single(found).ClassName);
        Assert.Equal(1, decoder.UnknownClassDrops);
    }

    [Theory]
    [InlineData(ModelLayout.YoloV8, new long[] { 1, 6, 8400 }, 8400, null)]
    [InlineData(ModelLayout.YoloV8, new long[] { 1, 84, 8400 }, 0, "[N, 6, A]")]
    [InlineData(ModelLayout.YoloV5, new long[] { 1, 25200, 7 }, 25200, null)]
    [InlineData(ModelLayout.YoloV5, new long[] { 1, 7, 25200 }, 0, "[N, A, 7]")]
    [InlineData(ModelLayout.EndToEnd, new long[] { 1, 300, 6 }, 300, null)]
    [InlineData(ModelLayout.EndToEnd, new long[] { 1, 300, 7 }, 0, "[N, K, 6]")]
    [InlineData(ModelLayout.Yolox, new long[] { 1, 84, 7 }, 84, null)]
    [InlineData(ModelLayout.Yolox, new long[] { 1, 100, 7 }, 0, "has 84 anchors, not 100")]
    [InlineData(ModelLayout.YoloV8, new long[] { 1, 6 }, 0, "has 2 dimensions")]
    public void Output_shapes_are_checked_against_the_manifest(ModelLayout layout, long[] shape, int rows, string? problem)
    {
        var manifest = V8 with { Layout = layout };

        var (r, p) = DetectionDecoder.CheckOutputShape(manifest, shape);

        Assert.Equal(rows, r);
        if (problem is null)
        {
            Assert.Null(p);
        }
        else
        {
            Assert.Contains(problem, p);
        }
    }
}
