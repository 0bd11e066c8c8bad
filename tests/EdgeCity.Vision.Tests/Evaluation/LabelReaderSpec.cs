using EdgeCity.Domain.Geometry;
using EdgeCity.Vision.Evaluation;

namespace EdgeCity.Vision.Tests.Evaluation;

public sealed class LabelReaderSpec
{
    [Fact]
    public void Yolo_lines_become_pixel_boxes_with_classes_mapped_by_name_and_unknown_classes_dropped()
    {
        var dir = Directory.CreateTempSubdirectory("yolo-");
        try
        {
            var path = Path.Combine(dir.FullName, "a.txt");
            File.WriteAllText(path, "1 0.5 0.5 0.25 0.5\n\n0 0.1 0.1 0.1 0.1\n");
            // data set: [person, car]; model: [car, bus, ..., person]
            var boxes = YoloFolderReader.ReadLabels(path, 640, 360, [5, 0]);

            Assert.Equal(2, boxes.Count);
            Assert.Equal((0, new BoxF(240, 90, 400, 270)), (boxes[0].ClassId, boxes[0].Box));
            Assert.Equal(5, boxes[1].ClassId);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void A_bad_label_line_is_an_error_naming_file_and_line()
    {
        var dir = Directory.CreateTempSubdirectory("yolo-");
        try
        {
            var path = Path.Combine(dir.FullName, "b.txt");
            File.WriteAllText(path, "0 0.5 0.5 0.1 0.1\n0 0.5 oops 0.1 0.1\n");

            var error = Assert.Throws<LabelSetException>(() => YoloFolderReader.ReadLabels(path, 640, 360, [0]));

            Assert.Contains("b.txt:2", error.Message);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void A_twin_truth_line_marks_vehicles_crossing_the_count_line_as_at_the_stop_line()
    {
        // The line as the camera twin writes it (TruthFrame), so reader and writer cannot drift apart again.
        var line = new EdgeCity.Domain.Evaluation.TruthFrame
        {
            Camera = "J1-W_J1", Frame = 3, Time = 1.0, Width = 640, Height = 360,
            Vehicles =
            [
                new() { Id = "a", Box = [10, 20, 50, 60], Class = "car", Lane = "W_J1_0" },
                new() { Id = "b", Box = [100, 20, 150, 60], Class = "bus", Lane = "W_J1_1" },
                new() { Id = "c", Box = [1, 1, 5, 5], Class = "tram", Lane = "W_J1_1" },
            ],
            Crossings = [new() { Line = "W-in", Vehicle = "b", Direction = "forward", Class = "bus" }],
        }.ToJsonLine();

        var boxes = TwinRecordingReader.ParseFrame(line, ["car", "bus"], 320, 180);

        Assert.Equal(2, boxes.Count);
        Assert.Equal(new BoxF(5, 10, 25, 30), boxes[0].Box); // video at half the truth's size
        Assert.False(boxes[0].AtStopLine);
        Assert.True(boxes[1].AtStopLine);
        Assert.Equal(1, boxes[1].ClassId);
    }

    [Fact]
    public void A_truth_line_from_before_the_vehicles_field_is_still_read()
    {
        const string line = """{"frame":3,"time":1.0,"width":640,"height":360,"objects":[{"id":"a","box":[10,20,50,60],"class":"car"}],"crossings":[]}""";

        var boxes = TwinRecordingReader.ParseFrame(line, ["car"], 640, 360);

        Assert.Equal(new BoxF(10, 20, 50, 60), Assert.Single(boxes).Box);
    }

    [Fact]
    public void A_vehicle_is_at_the_stop_line_in_every_frame_within_the_window_around_its_crossing()
    {
        var folder = Directory.CreateTempSubdirectory("twin-window-").FullName;
        try
        {
            var video = Path.Combine(folder, "cam.avi");
            using (var writer = new OpenCvSharp.VideoWriter(video, OpenCvSharp.FourCC.MJPG, 10, new OpenCvSharp.Size(64, 36)))
            using (var grey = new OpenCvSharp.Mat(36, 64, OpenCvSharp.MatType.CV_8UC3, OpenCvSharp.Scalar.All(90)))
            {
                for (var i = 0; i < 6; i++)
                {
                    writer.Write(grey);
                }
            }

            // Vehicle "a" crosses in frame 3 (t = 0.3 s); "b" never does.
            var lines = Enumerable.Range(0, 6).Select(i => new EdgeCity.Domain.Evaluation.TruthFrame
            {
                Camera = "cam", Frame = i, Time = i * 0.1, Width = 64, Height = 36,
                Vehicles = [new() { Id = "a", Box = [10, 10, 20, 20], Class = "car" }, new() { Id = "b", Box = [30, 10, 40, 20], Class = "car" }],
                Crossings = i == 3 ? [new() { Line = "in", Vehicle = "a", Direction = "forward", Class = "car" }] : [],
            }.ToJsonLine());
            File.WriteAllLines(TwinRecordingReader.TruthPath(video), lines);

            var windowed = TwinRecordingReader.Read(video, ["car"], every: 1, stopLineWindowSeconds: 0.1)
                .Select(f => { using (f) { return (f.Truth[0].AtStopLine, f.Truth[1].AtStopLine); } }).ToList();
            var exact = TwinRecordingReader.Read(video, ["car"], every: 2)
                .Select(f => { using (f) { return f.Truth[0].AtStopLine; } }).ToList();

            Assert.Equal([false, false, true, true, true, false], windowed.Select(w => w.Item1));
            Assert.All(windowed, w => Assert.False(w.Item2));
            Assert.Equal([false, false, false], exact); // frames 0, 2, 4: the crossing frame 3 is skipped without a window
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_box_half_covered_by_a_nearer_vehicle_is_half_visible_and_an_unknown_class_still_hides_what_is_behind_it()
    {
        var line = new EdgeCity.Domain.Evaluation.TruthFrame
        {
            Camera = "cam", Frame = 0, Time = 0, Width = 640, Height = 360,
            Vehicles =
            [
                new() { Id = "far", Box = [100, 100, 140, 120], Class = "car" },      // behind: its left half is covered
                new() { Id = "near", Box = [80, 95, 120, 140], Class = "car" },       // bottom 140 > 120: nearer
                new() { Id = "behind-tram", Box = [300, 100, 340, 120], Class = "car" },
                new() { Id = "tram", Box = [290, 90, 350, 150], Class = "tram" },     // not a model class, still hides
            ],
        }.ToJsonLine();

        var boxes = TwinRecordingReader.ParseFrame(line, ["car"], 640, 360);

        Assert.Equal(3, boxes.Count);
        Assert.Equal(0.5f, boxes[0].Visible, 3);  // the near car covers x 100–120 of 100–140, every row
        Assert.Equal(1f, boxes[1].Visible);
        Assert.Equal(0f, boxes[2].Visible);
    }
}
