using EdgeCity.Domain.Detection;
using EdgeCity.Domain.Evaluation.DetectionMetrics;
using EdgeCity.Vision.Evaluation;
using EdgeCity.Vision.Inference;
using EdgeCity.Vision.Tests.Support;

namespace EdgeCity.Vision.Tests.Evaluation;

/// <summary>The shipped default model: loads through its manifest in ONNX Runtime and finds the cars on a committed twin frame.</summary>
public sealed class EdgecityVehiclesModelSpec
{
    private static readonly DetectorOptions Cpu = new() { Providers = [ExecutionProvider.Cpu], MaxBatch = 1 };

    private static string Models => Path.Combine(RepoPaths.Root, "models");

    [Fact]
    public void The_committed_model_loads_with_its_manifest_checksum_and_yolov8_shapes()
    {
        using var model = DetectionModel.Load(Models, "edgecity-vehicles", Cpu);

        Assert.Equal(ModelLayout.YoloV8, model.Manifest.Layout);
        Assert.Equal((512, 288), (model.Manifest.Input.Width, model.Manifest.Input.Height));
        Assert.Equal(["car", "bus", "truck", "motorcycle", "bicycle", "person"], model.Manifest.Classes);
        Assert.Equal((64 * 36) + (32 * 18) + (16 * 9), model.Rows); // one row per cell at strides 8, 16, 32
        Assert.True(new FileInfo(Path.Combine(Models, "edgecity-vehicles.onnx")).Length <= 10_000_000);
    }

    [Fact]
    public void Every_car_of_twenty_pixels_or_more_on_a_held_out_twin_frame_is_detected()
    {
        var result = EvaluateOn("twin", minSide: 20);
        var car = result.Classes[0];

        Assert.Equal(1, result.Frames);
        Assert.Equal(6, car.GroundTruth);
        Assert.Equal(6, car.TruePositives);
        // Every false car ranks below every true one (AP 1). Since the views stage: three false cars at the far end of the
        // queue, one scoring 0.5-0.6 and two 0.6 or more (0.6 starts a track). The person stage's model had two, boxes
        // straddling two queued cars, one of them above the weakest true car (AP 0.931).
        Assert.True(car.Detections - car.TruePositives <= 3, $"{car.Detections - car.TruePositives} false cars");
        Assert.True(car.Ap50 >= 0.99, $"car AP {car.Ap50}: a false car ranks above a true one");
        Assert.All(result.Classes.Skip(1), c => Assert.Equal(0, c.GroundTruth));
    }

    [Fact]
    public void Every_pedestrian_on_a_held_out_sidewalk_frame_is_found_as_a_person_with_at_most_one_false_car()
    {
        // SUMO's corridor with sidewalks and crossings at the held-out tall pose (never trained on): 11 pedestrians of
        // 4 px or more beside 9 cars. The model before the person class boxed most pedestrians as cars and motorcycles.
        var result = EvaluateOn("walk", minSide: 4);
        var car = result.Classes.Single(c => c.Class == "car");
        var person = result.Classes.Single(c => c.Class == "person");

        Assert.Equal((11, 11), (person.GroundTruth, person.TruePositives));
        Assert.Equal((9, 9), (car.GroundTruth, car.TruePositives));
        Assert.True(car.Detections - car.TruePositives <= 1, $"{car.Detections - car.TruePositives} false cars: pedestrians taken for cars");
        Assert.True(person.Ap50 >= 0.85, $"person AP {person.Ap50}");
    }

    [Fact]
    public void Cars_seen_from_straight_overhead_on_held_out_frames_are_found_as_cars_not_trucks()
    {
        // SUMO's corridor (never trained on) from 25 m straight overhead, aimed where the pole camera looked: 12 cars on
        // 4 frames. The model before its views stage found 1 car box and 13 "trucks" there: roofs seen from above were
        // no view it had learned.
        var result = EvaluateOn("overhead", minSide: 4);
        var car = result.Classes.Single(c => c.Class == "car");

        Assert.Equal(4, result.Frames);
        Assert.Equal((12, 12), (car.GroundTruth, car.TruePositives));
        Assert.True(car.Ap50 >= 0.95, $"car AP {car.Ap50}");
        Assert.True(result.Classes.Single(c => c.Class == "truck").Detections <= 1, "cars seen from above called trucks");
    }

    /// <summary>The shipped model through its manifest on one committed YOLO folder under <c>models/testdata</c>.</summary>
    private static DetectionEvaluation EvaluateOn(string folder, float minSide)
    {
        var manifest = ModelManifestFile.Load(Path.Combine(Models, "edgecity-vehicles.json"));
        using var model = ModelEvaluator.LoadForEvaluation(manifest, Path.Combine(Models, manifest.File), threads: 1);
        var frames = YoloFolderReader.Read(Path.Combine(Models, "testdata", folder), manifest.Classes, manifest.Classes);
        return ModelEvaluator.Evaluate(model, frames, manifest.ScoreThreshold, minSide);
    }
}
