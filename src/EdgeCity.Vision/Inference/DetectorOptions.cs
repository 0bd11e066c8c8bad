namespace EdgeCity.Vision.Inference;

/// <summary>How detection models are run on this node: providers to try, threads, batching.</summary>
public sealed record DetectorOptions
{
    /// <summary>Providers tried in order; the first whose session builds is used (TensorRT → CUDA → CPU by default).</summary>
    public IReadOnlyList<ExecutionProvider> Providers { get; init; } = [ExecutionProvider.TensorRt, ExecutionProvider.Cuda, ExecutionProvider.Cpu];

    /// <summary>ONNX Runtime intra-op threads per session; keep below the core count so capture and Akka get a core.</summary>
    public int IntraOpThreads { get; init; } = 1;

    /// <summary>Most frames run together when the model's batch dimension is dynamic (1 disables batching).</summary>
    public int MaxBatch { get; init; } = 4;

    /// <summary>How long a partial batch waits for frames of other cameras before it runs anyway.</summary>
    public TimeSpan MaxBatchWait { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>
    /// Let ONNX Runtime's intra-op threads spin between runs. Off by default: on a small box spinning threads take the
    /// cores that capture threads need to decode the next frames.
    /// </summary>
    public bool AllowSpinning { get; init; }

    /// <summary>GPU index for CUDA and TensorRT.</summary>
    public int GpuDevice { get; init; }
}
