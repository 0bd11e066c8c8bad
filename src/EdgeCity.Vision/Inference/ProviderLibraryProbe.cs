using System.Runtime.InteropServices;

namespace EdgeCity.Vision.Inference;

/// <summary>
/// Says why a GPU execution provider's shared library does not load. ONNX Runtime's exception says only "Failed to load
/// shared library"; loading the provider library ourselves makes the dynamic linker name the missing dependency
/// (<c>libcublas.so.13: cannot open shared object file</c>), which is what an operator has to install.
/// </summary>
public static class ProviderLibraryProbe
{
    /// <summary>The provider library's file name on Linux (<c>libonnxruntime_providers_cuda.so</c>, ...).</summary>
    public static string LibraryOf(ExecutionProvider provider) => provider switch
    {
        ExecutionProvider.TensorRt => "libonnxruntime_providers_tensorrt.so",
        ExecutionProvider.Cuda => "libonnxruntime_providers_cuda.so",
        _ => string.Empty,
    };

    /// <summary>
    /// The linker's reason the provider library cannot be loaded, or null when it loads (or there is none to probe).
    /// Looks beside ONNX Runtime's own library: the application folder and its <c>runtimes/&lt;rid&gt;/native</c>.
    /// </summary>
    public static string? WhyNotLoadable(ExecutionProvider provider, IEnumerable<string>? folders = null)
    {
        var name = LibraryOf(provider);
        if (name.Length == 0 || !OperatingSystem.IsLinux())
        {
            return null;
        }

        folders ??= [AppContext.BaseDirectory, Path.Combine(AppContext.BaseDirectory, "runtimes", RuntimeInformation.RuntimeIdentifier, "native")];
        var path = folders.Select(f => Path.Combine(f, name)).FirstOrDefault(File.Exists);
        if (path is null)
        {
            return $"{name} is not installed beside ONNX Runtime (the CPU package has no GPU providers; install Microsoft.ML.OnnxRuntime.Gpu.Linux's natives)";
        }

        try
        {
            var handle = NativeLibrary.Load(path);
            NativeLibrary.Free(handle);
            return null;
        }
        catch (DllNotFoundException e)
        {
            // .NET's text is advice on one line and the dynamic linker's own message (the first missing dependency) on
            // the lines after it: that is the part worth showing.
            var lines = e.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return $"{name} does not load: {(lines.Length > 1 ? string.Join("; ", lines[1..]) : lines.FirstOrDefault())}";
        }
        catch (BadImageFormatException e)
        {
            return $"{name} is not a library for this machine: {e.Message.Split('\n')[0]}";
        }
    }
}
