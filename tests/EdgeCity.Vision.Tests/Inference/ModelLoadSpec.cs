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
