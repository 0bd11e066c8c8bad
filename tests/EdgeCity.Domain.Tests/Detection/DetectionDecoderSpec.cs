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

    [Fact]
    public void NanoDet_boxes_are_the_expected_side_distances_from_the_cell_centre_and_classes_are_mapped_to_traffic()
    {
        // 16x16 input, one stride of 8: 4 cells. Cell 3 (gx 1, gy 1, centre 11.5, 11.5) is a "motorbike" at 0.9 whose
        // sides are all-in-one-bin distributions: left bin 1, top bin 0, right bin 1, bottom bin 1 (of 2 bins), so
        // 8 px left, right and below the centre, 0 above (softmax of a large logit: the bin itself). Cell 0 is a
        // "cell phone" (no traffic meaning: skipped and counted), cells 1-2 are below the threshold.
        var manifest = new ModelManifest
        {
            Name = "nano", Layout = ModelLayout.NanoDet, Input = new ModelInput { Width = 16, Height = 16 }, Strides = [8], DistributionBins = 2,
            Classes = ["motorbike", "cell phone"], TrafficClasses = new Dictionary<string, string> { ["motorbike"] = "motorcycle" },
        };
        float[] scores = [0.1f, 0.8f, 0.1f, 0.1f, 0.2f, 0.1f, 0.9f, 0.3f];
        const float Hot = 50f;
        float[] distances =
        [
            0, Hot, 0, Hot, 0, Hot, 0, Hot, // cell 0
            0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0,
            0, Hot, Hot, 0, 0, Hot, 0, Hot, // cell 3: left bin 1, top bin 0, right bin 1, bottom bin 1
        ];
        var decoder = DetectionDecoder.Create(manifest, 4);
        var found = new List<EdgeCity.Domain.Detection.Detection>();

        decoder.Decode([.. scores, .. distances], Letterbox.Fit(16, 16, 16, 16, LetterboxAlignment.Center), found);

        var d = Assert.Single(found);
        Assert.Equal(("motorcycle", 0.9f), (d.ClassName, d.Score));
        Assert.Equal(3.5f, d.Box.Left, 3);
        Assert.Equal(11.5f, d.Box.Top, 3);
        Assert.Equal(16f, d.Box.Right, 3); // 19.5 clipped to the input
        Assert.Equal(16f, d.Box.Bottom, 3);
        Assert.Equal(1, decoder.NonTrafficSkips);
        Assert.Equal(1, decoder.TrafficCandidates);
        Assert.Equal([("cell phone", 1L)], decoder.NonTrafficSkipsByClass());
    }

    [Fact]
    public void NanoDet_output_shapes_name_the_output_that_disagrees()
    {
        var manifest = new ModelManifest { Layout = ModelLayout.NanoDet, Input = new ModelInput { Width = 32, Height = 32 }, Strides = [8, 16], Classes = ["car"] };
        IReadOnlyList<long>[] good = [[1, 16, 1], [1, 16, 32], [1, 4, 1], [1, 4, 32]];
        IReadOnlyList<long>[] bad = [[1, 16, 1], [1, 16, 32], [1, 4, 80], [1, 4, 32]];

        Assert.Equal((20, (string?)null), DetectionDecoder.CheckOutputShapes(manifest, good));
        var (_, problem) = DetectionDecoder.CheckOutputShapes(manifest, bad);
        Assert.Contains("output cls_pred_stride_16 is [1, 4, 80]; stride 16 at 32x32 with 1 classes and 8 bins needs [N, 4, 1]", problem);
    }
}
