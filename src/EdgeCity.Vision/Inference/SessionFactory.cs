using Microsoft.ML.OnnxRuntime;

namespace EdgeCity.Vision.Inference;

/// <summary>
/// Builds an <see cref="InferenceSession"/> with the first execution provider that works, in the configured order
/// (TensorRT → CUDA → CPU): a provider this build of ONNX Runtime lacks, or whose libraries or GPU are missing, is
/// skipped and the reason kept for the log.
/// </summary>
public static class SessionFactory
{
    /// <summary>Creates the session; returns it with the provider used and why the ones before it were skipped.</summary>
    public static (InferenceSession Session, ExecutionProvider Provider, IReadOnlyList<string> Skipped) Create(byte[] model, DetectorOptions options)
    {
        var available = OrtEnv.Instance().GetAvailableProviders();
        var skipped = new List<string>();
        IReadOnlyList<ExecutionProvider> order = options.Providers.Count == 0 ? [ExecutionProvider.Cpu] : options.Providers;
        foreach (var provider in order)
        {
            var native = NativeName(provider);
            if (!available.Contains(native))
            {
                skipped.Add($"{provider}: not in this ONNX Runtime build (has {string.Join(", ", available)})");
                continue;
            }

            var so = new SessionOptions
            {
                IntraOpNumThreads = Math.Max(1, options.IntraOpThreads),
                InterOpNumThreads = 1,
                ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
                GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
                // Exporters' graph warnings (one line per weight an old exporter listed as a graph input) bury what the
                // user asked for; errors still show, and the node says once what such a file costs (DetectionModel.WeightsAsInputs).
                LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
            };
            so.AddSessionConfigEntry("session.intra_op.allow_spinning", options.AllowSpinning ? "1" : "0");
            try
            {
                switch (provider)
                {
                    case ExecutionProvider.TensorRt:
                        so.AppendExecutionProvider_Tensorrt(options.GpuDevice);
                        so.AppendExecutionProvider_CUDA(options.GpuDevice); // TensorRT hands unsupported nodes to CUDA
                        break;
                    case ExecutionProvider.Cuda:
                        so.AppendExecutionProvider_CUDA(options.GpuDevice);
                        break;
                }

                var session = new InferenceSession(model, so);
                return (session, provider, skipped);
            }
            catch (Exception ex) when (ex is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
            {
                so.Dispose();
                if (provider == ExecutionProvider.Cpu)
                {
                    throw; // the model itself is bad: no provider will load it
                }

                // "Failed to load shared library" names nothing; the linker, asked directly, names what is missing.
                var why = ProviderLibraryProbe.WhyNotLoadable(provider);
                skipped.Add($"{provider}: {ex.Message.Split('\n')[0]}{(why is null ? string.Empty : " (" + why + ")")}");
            }
        }

        throw new InvalidOperationException("no execution provider could be used: " + string.Join("; ", skipped));
    }

    /// <summary>The provider's name in ONNX Runtime (<c>CUDAExecutionProvider</c>, ...).</summary>
    public static string NativeName(ExecutionProvider provider) => provider switch
    {
        ExecutionProvider.TensorRt => "TensorrtExecutionProvider",
        ExecutionProvider.Cuda => "CUDAExecutionProvider",
        _ => "CPUExecutionProvider",
    };
}
