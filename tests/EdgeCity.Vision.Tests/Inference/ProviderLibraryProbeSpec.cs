using EdgeCity.Vision.Inference;
using EdgeCity.Vision.Tests.Support;

namespace EdgeCity.Vision.Tests.Inference;

/// <summary>When a GPU provider does not load, the reason names the library that is missing, not just "failed to load".</summary>
public sealed class ProviderLibraryProbeSpec
{
    [Fact]
    public void A_provider_library_whose_cuda_dependency_is_missing_is_reported_with_that_librarys_name()
    {
        // tests/fixtures/native: a stand-in provider library that needs libcublas.so.13, as the real one does.
        var folder = Path.Combine(RepoPaths.Root, "tests", "fixtures", "native");

        var why = ProviderLibraryProbe.WhyNotLoadable(ExecutionProvider.Cuda, [folder]);

        Assert.NotNull(why);
        Assert.StartsWith("libonnxruntime_providers_cuda.so does not load: ", why);
        Assert.Contains("libcublas.so.13", why);
    }

    [Fact]
    public void A_cpu_only_onnx_runtime_is_told_the_gpu_providers_are_not_installed()
    {
        var why = ProviderLibraryProbe.WhyNotLoadable(ExecutionProvider.TensorRt, [Path.GetTempPath()]);

        Assert.Equal("libonnxruntime_providers_tensorrt.so is not installed beside ONNX Runtime (the CPU package has no GPU providers; install Microsoft.ML.OnnxRuntime.Gpu.Linux's natives)", why);
    }

    [Fact]
    public void The_cpu_provider_has_no_library_to_probe()
    {
        Assert.Null(ProviderLibraryProbe.WhyNotLoadable(ExecutionProvider.Cpu));
    }
}
