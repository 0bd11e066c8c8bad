namespace EdgeCity.Vision.Benchmarking;

/// <summary>Figures of one <see cref="PipelineBench"/> run.</summary>
public sealed record PipelineBenchResult(
    string Model,
    string Provider,
    int IntraOpThreads,
    int Batch,
    int Frames,
    int Rounds,
    double DecodeFps,
    double PreprocessMeanMs,
    double PreprocessP50Ms,
    double PreprocessP99Ms,
    double PreprocessBytesPerFrame,
    double RawRunFps,
    double RawRunMeanMs,
    double PipelineFps,
    double CoreBytesPerFrame,
    double PipelineBytesPerFrame,
    double MeanDetectionsPerFrame)
{
    /// <summary>Pipeline over raw throughput in each round, in order.</summary>
    public IReadOnlyList<double> RoundRatios { get; init; } = [];

    /// <summary>Median process CPU time per frame of the raw rounds (ms; the runs alone).</summary>
    public double RawCpuMsPerFrame { get; init; }

    /// <summary>Median process CPU time per frame of the pipeline rounds (ms; decoding, letterboxing, runs, boxes).</summary>
    public double PipelineCpuMsPerFrame { get; init; }

    /// <summary>Median over rounds of the round's pipeline throughput over its raw <c>InferenceSession.Run</c> throughput.</summary>
    public double MedianRatio { get; init; }

    /// <summary>Decoding one output into boxes (score scan, NMS, back to source pixels), ms, p50.</summary>
    public double BoxesP50Ms { get; init; }
}
