using EdgeCity.Vision.Capture;
using EdgeCity.Vision.Inference;

namespace EdgeCity.Actors.Cameras;

/// <summary>Node-wide settings of cameras and inference: bound from <c>EdgeCity:Cameras</c>.</summary>
public sealed class CameraPipelineOptions
{
    /// <summary>Folder with <c>&lt;model&gt;.json</c> manifests and their ONNX files.</summary>
    public string ModelsDirectory { get; set; } = "models";

    /// <summary>Execution providers in order of preference: <c>tensorrt</c>, <c>cuda</c>, <c>cpu</c>.</summary>
    public List<string> Providers { get; set; } = [];

    public int IntraOpThreads { get; set; } = 1;

    /// <summary>Most frames per model run when a model's batch dimension is dynamic.</summary>
    public int MaxBatch { get; set; } = 4;

    public double MaxBatchWaitMs { get; set; } = 5;

    public double OpenTimeoutSeconds { get; set; } = 10;

    public double ReadTimeoutSeconds { get; set; } = 5;

    /// <summary>A read blocked longer than this gets its capture abandoned and recreated; keep it above the read timeout.</summary>
    public double WatchdogSeconds { get; set; } = 15;

    public double BackoffInitialSeconds { get; set; } = 0.5;

    public double BackoffMaxSeconds { get; set; } = 30;

    /// <summary>File sources start again at their end (true) or end the camera.</summary>
    public bool LoopFiles { get; set; } = true;

    /// <summary>File sources play at their own frame rate, like a live camera.</summary>
    public bool PaceFiles { get; set; } = true;

    public CaptureBackend Backend { get; set; } = CaptureBackend.Auto;

    public string FfmpegPath { get; set; } = "ffmpeg";

    /// <summary>Clock for capture timestamps and latencies (tests may substitute one).</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    public DetectorOptions ToDetectorOptions() => new()
    {
        Providers = Providers.Count == 0
            ? new DetectorOptions().Providers
            : Providers.Select(p => Enum.Parse<ExecutionProvider>(p.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true)).ToArray(),
        IntraOpThreads = IntraOpThreads,
        MaxBatch = MaxBatch,
        MaxBatchWait = TimeSpan.FromMilliseconds(MaxBatchWaitMs),
    };

    public ReconnectBackoff ToBackoff() => new()
    {
        Initial = TimeSpan.FromSeconds(BackoffInitialSeconds),
        Max = TimeSpan.FromSeconds(BackoffMaxSeconds),
    };

    public FrameSourceOptions ToSourceOptions(string source, double maxFps) => new()
    {
        Source = source,
        OpenTimeout = TimeSpan.FromSeconds(OpenTimeoutSeconds),
        ReadTimeout = TimeSpan.FromSeconds(ReadTimeoutSeconds),
        LoopFile = LoopFiles,
        PaceFile = PaceFiles,
        MaxFps = maxFps,
        Backend = Backend,
        FfmpegPath = FfmpegPath,
    };
}
