using EdgeCity.Domain.Detection;

namespace EdgeCity.Domain.Tests.Detection;

public sealed class ModelManifestFileSpec
{
    private const string Valid = """
        {
          "file": "vehicles.onnx",
          "layout": "yoloV8",
          "input": { "name": "images", "width": 640, "height": 384, "color": "rgb", "scale": 0.00392156862, "padValue": 114 },
          "classes": ["car", "truck", "bus", "person"],
          "vehicleClasses": ["car", "truck", "bus"],
          "licence": "AGPL-3.0"
        }
        """;

    [Fact]
    public void A_valid_manifest_is_read_with_its_name_from_the_file()
    {
        var m = ModelManifestFile.Parse(Valid, "vehicles", "models/vehicles.json");

        Assert.Equal("vehicles", m.Name);
        Assert.Equal(ModelLayout.YoloV8, m.Layout);
        Assert.Equal((640, 384), (m.Input.Width, m.Input.Height));
        Assert.Equal(ColorOrder.Rgb, m.Input.Color);
        Assert.Equal(LetterboxAlignment.Center, m.Input.Alignment);
        Assert.Equal(["car", "truck", "bus"], m.VehicleClasses);
        Assert.Equal(0.25f, m.ScoreThreshold);
        Assert.Equal((0.5f, 0.1f, 0.6f), (m.Tracking.High, m.Tracking.Low, m.Tracking.New));
    }

    [Fact]
    public void A_manifest_carries_the_tracker_thresholds_calibrated_for_its_model()
    {
        var json = Valid.Replace("\"licence\"", "\"tracking\": { \"high\": 0.4, \"low\": 0.25, \"new\": 0.45 },\n  \"licence\"", StringComparison.Ordinal);

        var m = ModelManifestFile.Parse(json, "vehicles", "models/vehicles.json");

        Assert.Equal((0.4f, 0.25f, 0.45f), (m.Tracking.High, m.Tracking.Low, m.Tracking.New));
    }

    [Theory]
    [InlineData("\"layout\": \"yoloV8\"", "\"layout\": \"yolo9000\"", "$.layout")]
    [InlineData("\"vehicleClasses\": [\"car\", \"truck\", \"bus\"]", "\"vehicleClasses\": [\"tram\"]", "$.vehicleClasses: 'tram' is not one of the model's classes")]
    [InlineData("\"file\": \"vehicles.onnx\",", "", "$.file: the ONNX file is required")]
    [InlineData("\"licence\"", "\"license\"", "$.license")]
    [InlineData("\"width\": 640", "\"width\": 0", "$.input: width and height must be positive (got 0x384)")]
    [InlineData("\"licence\"", "\"tracking\": { \"high\": 0.3, \"low\": 0.4 }, \"licence\"", "$.tracking: thresholds must satisfy 0 ≤ low ≤ high ≤ 1 and 0 ≤ new ≤ 1 (got low 0.4, high 0.3, new 0.6)")]
    [InlineData("\"licence\"", "\"tracking\": { \"fresh\": 0.3 }, \"licence\"", "$.tracking.fresh")]
    [InlineData("\"padValue\": 114", "\"padValue\": 114, \"mean\": [1, 2]", "$.input.mean: one value per channel (3) or none (got 2)")]
    [InlineData("\"padValue\": 114", "\"padValue\": 114, \"std\": [1, 0, 1]", "$.input.std: three positive values or none (got [1, 0, 1])")]
    [InlineData("\"licence\"", "\"trafficClasses\": { \"tram\": \"car\" }, \"licence\"", "$.trafficClasses: 'tram' is not one of the model's classes")]
    [InlineData("\"licence\"", "\"trafficClasses\": { \"car\": \"car\" }, \"licence\"", "$.vehicleClasses: 'truck' is not a traffic class the model reports (trafficClasses maps to: car)")]
    public void A_bad_manifest_names_the_file_and_the_field(string from, string to, string expected)
    {
        var error = Assert.Throws<ModelManifestException>(() => ModelManifestFile.Parse(Valid.Replace(from, to, StringComparison.Ordinal), "vehicles", "models/vehicles.json"));

        Assert.StartsWith("models/vehicles.json: ", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Yolox_strides_must_divide_the_input()
    {
        var json = Valid.Replace("\"yoloV8\"", "\"yolox\"", StringComparison.Ordinal).Replace("\"licence\"", "\"strides\": [8, 16, 100], \"licence\"", StringComparison.Ordinal);

        var error = Assert.Throws<ModelManifestException>(() => ModelManifestFile.Parse(json, "vehicles", "v.json"));

        Assert.Contains("$.strides", error.Message);
    }

    [Fact]
    public void A_coco_manifest_names_traffic_classes_by_mapping_its_own()
    {
        var json = Valid
            .Replace("[\"car\", \"truck\", \"bus\", \"person\"]", "[\"person\", \"motorbike\", \"car\", \"cell phone\"]", StringComparison.Ordinal)
            .Replace("[\"car\", \"truck\", \"bus\"]", "[\"car\", \"motorcycle\"]", StringComparison.Ordinal)
            .Replace("\"licence\"", "\"trafficClasses\": { \"car\": \"car\", \"motorbike\": \"motorcycle\", \"person\": \"person\" }, \"licence\"", StringComparison.Ordinal);

        var m = ModelManifestFile.Parse(json, "coco", "coco.json");

        Assert.Equal("motorcycle", m.TrafficClasses["motorbike"]);
        Assert.Equal(["car", "motorcycle"], m.VehicleClasses);
    }

    [Fact]
    public void Nanodet_reads_per_stride_outputs_so_a_single_output_name_is_refused()
    {
        var json = Valid.Replace("\"yoloV8\"", "\"nanoDet\"", StringComparison.Ordinal).Replace("\"licence\"", "\"output\": \"output0\", \"licence\"", StringComparison.Ordinal);

        var error = Assert.Throws<ModelManifestException>(() => ModelManifestFile.Parse(json, "nano", "nano.json"));

        Assert.Contains("$.output: layout nanoDet reads cls_pred_stride_S and dis_pred_stride_S per stride", error.Message);
    }

    [Fact]
    public void A_missing_manifest_names_its_path()
    {
        var error = Assert.Throws<ModelManifestException>(() => ModelManifestFile.Load("/nowhere/edgecity-vehicles.json"));

        Assert.Equal("model manifest not found: /nowhere/edgecity-vehicles.json", error.Message);
    }

    [Fact]
    public void A_models_tracking_thresholds_replace_only_the_trackers_score_thresholds()
    {
        var model = new ModelTracking { High = 0.4f, Low = 0.05f, New = 0.45f };
        var site = new EdgeCity.Domain.Tracking.TrackerOptions { MaxMisses = 12, ConfirmHits = 2 };

        var tracker = model.ApplyTo(site);

        Assert.Equal((0.4f, 0.05f, 0.45f), (tracker.HighScoreThreshold, tracker.LowScoreThreshold, tracker.NewTrackThreshold));
        Assert.Equal((12, 2), (tracker.MaxMisses, tracker.ConfirmHits));
    }
}
