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
    /// <summary>Median whole-pipeline throughput over median raw <c>InferenceSession.Run</c> throughput.</summary>
    public double PipelineToRaw => PipelineFps / RawRunFps;
}
