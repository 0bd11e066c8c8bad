using EdgeCity.Vision.Inference;
using EdgeCity.Vision.Tests.Support;

namespace EdgeCity.Vision.Tests.Inference;

public sealed class ModelLoadSpec
{
    private static readonly DetectorOptions Cpu = new() { Providers = [ExecutionProvider.Cpu] };

    [Fact]
    public void A_manifest_whose_classes_disagree_with_the_output_shape_is_one_error_naming_model_and_shapes()
    {
        var error = Assert.Throws<ModelLoadException>(() => DetectionModel.Load(RepoPaths.Fixtures, "shape-mismatch", Cpu));

        Assert.Contains("model 'shape-mismatch'", error.Message);
        Assert.Contains("input [1, 3, 64, 64]", error.Message);
        Assert.Contains("output [1, 7, 8]", error.Message);
        Assert.Contains("[N, 8, A]", error.Message);
        Assert.Contains("4 classes", error.Message);
    }

    [Fact]
    public void A_model_listing_its_weights_as_graph_inputs_loads_and_says_it_runs_slower_than_it_need_and_how_to_fix_the_file()
    {
        using var model = DetectionModel.Load(RepoPaths.Fixtures, "yolov8-weights-as-inputs", Cpu);

        Assert.Equal(3, model.WeightsAsInputs); // golden, weight, shape3
        Assert.Contains("yolov8-weights-as-inputs.onnx", model.WeightsAsInputsAdvice, StringComparison.Ordinal);
        Assert.Contains("models/train/weights_as_constants.py", model.WeightsAsInputsAdvice, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nanodet-m-416")]
    [InlineData("nanodet-m-320")]
    [InlineData("edgecity-vehicles")]
    public void The_shipped_detectors_keep_their_weights_as_constants(string name)
    {
        using var model = DetectionModel.Load(Path.Combine(RepoPaths.Root, "models"), name, Cpu);

        Assert.Equal(0, model.WeightsAsInputs);
        Assert.Null(model.WeightsAsInputsAdvice);
    }

    [Fact]
    public void A_garbage_model_file_is_an_error_naming_the_model_and_file()
    {
        var error = Assert.Throws<ModelLoadException>(() => DetectionModel.Load(RepoPaths.Fixtures, "garbage", Cpu));

        Assert.Contains("model 'garbage'", error.Message);
        Assert.Contains("garbage.onnx", error.Message);
        Assert.Contains("not a loadable ONNX model", error.Message);
    }

    [Fact]
    public void A_missing_model_file_is_an_error_naming_the_file()
    {
        var error = Assert.Throws<ModelLoadException>(() => DetectionModel.Load(RepoPaths.Fixtures, "missing-file", Cpu));

        Assert.Contains("not-there.onnx", error.Message);
        Assert.Contains("does not exist", error.Message);
    }

    [Fact]
    public void A_missing_manifest_is_an_error_naming_it()
    {
        var error = Assert.Throws<ModelLoadException>(() => DetectionModel.Load(RepoPaths.Fixtures, "edgecity-vehicles", Cpu));

        Assert.Contains("model 'edgecity-vehicles'", error.Message);
        Assert.Contains("edgecity-vehicles.json", error.Message);
    }

    [Fact]
    public void A_checksum_mismatch_is_refused()
    {
        var error = Assert.Throws<ModelLoadException>(() => DetectionModel.Load(RepoPaths.Fixtures, "wrong-checksum", Cpu));

        Assert.Contains("sha256 is", error.Message);
        Assert.Contains("manifest says 0000", error.Message);
    }

    [Fact]
    public void Asking_for_gpu_providers_on_a_cpu_build_falls_back_to_cpu_and_says_why()
    {
        var options = new DetectorOptions { Providers = [ExecutionProvider.TensorRt, ExecutionProvider.Cuda, ExecutionProvider.Cpu] };

        using var model = DetectionModel.Load(RepoPaths.Fixtures, "yolov8-golden", options);

        Assert.Equal(ExecutionProvider.Cpu, model.Provider);
        Assert.Equal("cpu", model.ProviderLabel);
        Assert.Equal(2, model.SkippedProviders.Count);
        Assert.StartsWith("TensorRt: not in this ONNX Runtime build", model.SkippedProviders[0]);
        Assert.StartsWith("Cuda: not in this ONNX Runtime build", model.SkippedProviders[1]);
    }
}
