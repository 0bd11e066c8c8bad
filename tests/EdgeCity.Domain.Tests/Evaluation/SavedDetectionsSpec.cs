using EdgeCity.Domain.Detection;
using EdgeCity.Domain.Evaluation;
using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Tests.Evaluation;

public sealed class SavedDetectionsSpec
{
    [Fact]
    public void Saved_detections_read_back_as_the_same_boxes_classes_and_scores_per_frame()
    {
        var at = new DateTimeOffset(2026, 1, 1, 0, 15, 0, TimeSpan.Zero);
        var frames = new[]
        {
            new FrameDetections("J1-W_J1", 0, at, 640, 360, [new EdgeCity.Domain.Detection.Detection(new BoxF(10.25f, 20.5f, 50.75f, 60), 0, "car", 0.8125f), new EdgeCity.Domain.Detection.Detection(new BoxF(100, 40, 180, 140), 1, "bus", 0.5f)]),
            new FrameDetections("J1-W_J1", 1, at.AddSeconds(0.1), 640, 360, []),
        };
        var text = new StringWriter();
        SavedDetections.Write(text, frames[0], 900.1);
        SavedDetections.Write(text, frames[1], 900.2);

        var read = SavedDetections.Read(new StringReader(text.ToString()), "dets.jsonl");

        Assert.Equal([900.1, 900.2], read.Select(f => f.Time));
        Assert.Equal(frames[0].Detections, read[0].Boxes);
        Assert.Empty(read[1].Boxes);
    }

    [Theory]
    [InlineData("{\"frame\":0,\"time\":1,\"boxes\":[[1,2,3,4,0,\"car\"]]}", "a box has 6 values")]
    [InlineData("{\"frame\":0,\"boxes\":[]}", "time")]
    [InlineData("not json", "dets.jsonl:2")]
    public void A_line_that_is_not_a_frame_of_detections_is_an_error_naming_file_and_line(string bad, string expected)
    {
        var text = "{\"frame\":0,\"time\":1,\"boxes\":[]}\n" + bad + "\n";

        var e = Assert.Throws<TruthFormatException>(() => SavedDetections.Read(new StringReader(text), "dets.jsonl"));

        Assert.Contains("dets.jsonl:2", e.Message);
        Assert.Contains(expected, e.Message);
    }
}
