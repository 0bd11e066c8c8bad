using System.CommandLine;
using System.Globalization;
using EdgeCity.Domain.Detection;
using EdgeCity.Vision.Benchmarking;
using EdgeCity.Vision.Capture;
using EdgeCity.Vision.Inference;

namespace EdgeCity.Node.Cli;

/// <summary><c>edgecity bench</c>: measure the camera pipeline (preprocess, raw inference, whole pipeline) on a clip.</summary>
public static class BenchCommand
{
    public static Command Build()
    {
        var models = new Option<string>("--models") { Description = "Folder with the model manifest.", DefaultValueFactory = _ => "models/bench" };
        var model = new Option<string>("--model") { Description = "Model name (manifest <name>.json); the default has random weights: speed only.", DefaultValueFactory = _ => "yolov8-bench-640" };
        var clip = new Option<string>("--clip") { Description = "Video file decoded by the pipeline.", DefaultValueFactory = _ => "models/clips/testsrc2-720p.mp4" };
        var frames = new Option<int>("--frames") { Description = "Frames per round, raw and pipeline each (in alternating blocks of 20).", DefaultValueFactory = _ => 200 };
        var threads = new Option<int>("--threads") { Description = "ONNX Runtime intra-op threads.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var batch = new Option<int>("--batch") { Description = "Frames per run (one capture thread per frame of the batch).", DefaultValueFactory = _ => 1 };
        var rounds = new Option<int>("--rounds") { Description = "Rounds; the median of the rounds' pipeline/raw ratios is reported.", DefaultValueFactory = _ => 3 };
        var spin = new Option<bool>("--spin") { Description = "Let ONNX Runtime's threads spin between runs (off in the node)." };
        var providers = new Option<string>("--providers") { Description = "Execution providers in order, comma-separated: tensorrt,cuda,cpu.", DefaultValueFactory = _ => "tensorrt,cuda,cpu" };
        var command = new Command("bench", "Benchmark the camera pipeline on a clip: preprocess, raw InferenceSession.Run, whole pipeline.")
        {
            models, model, clip, frames, threads, batch, rounds, spin, providers,
        };
        command.Subcommands.Add(AssessBenchCommand.Build());
        command.SetAction(parse =>
        {
            PipelineBenchResult r;
            try
            {
                var options = new DetectorOptions
                {
                    IntraOpThreads = parse.GetValue(threads),
                    AllowSpinning = parse.GetValue(spin),
                    Providers = AssessCommand.Providers(parse.GetValue(providers)!),
                };
                r = PipelineBench.Run(parse.GetValue(models)!, parse.GetValue(model)!, parse.GetValue(clip)!, options, parse.GetValue(frames), parse.GetValue(batch), parse.GetValue(rounds), m => Console.Error.WriteLine(m));
            }
            catch (Exception e) when (e is ModelLoadException or ModelManifestException or ArgumentException or IOException or FrameSourceException)
            {
                // A bad model, manifest, provider list or clip is named, not thrown at the operator as a stack trace.
                Console.Error.WriteLine($"bench: {e.Message}");
                return 2;
            }

            var c = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(c, $"""
                | {r.Model} on {r.Provider}, {r.IntraOpThreads} intra-op threads, batch {r.Batch}, {r.Frames} frames x {r.Rounds} rounds (medians) | value |
                | --- | --- |
                | decode alone (the clip, one decoder thread) | {r.DecodeFps:0.0} frames/s |
                | preprocess (frame → model-input letterbox), mean / p50 / p99 | {r.PreprocessMeanMs:0.000} / {r.PreprocessP50Ms:0.000} / {r.PreprocessP99Ms:0.000} ms |
                | preprocess managed allocation | {r.PreprocessBytesPerFrame:0} B/frame |
                | boxes from one output (score scan, NMS, to source pixels), p50 | {r.BoxesP50Ms:0.000} ms |
                | raw InferenceSession.Run | {r.RawRunFps:0.0} frames/s ({r.RawRunMeanMs:0.0} ms/run) |
                | whole pipeline (decode → preprocess → infer → boxes) | {r.PipelineFps:0.0} frames/s |
                | pipeline / raw, median (per round) | {r.MedianRatio:0.00}x ({string.Join(", ", r.RoundRatios.Select(x => x.ToString("0.00", c)))}) |
                | process CPU per frame: raw / pipeline | {r.RawCpuMsPerFrame:0.0} / {r.PipelineCpuMsPerFrame:0.0} ms |
                | inference (host) thread allocation, steady state | {r.CoreBytesPerFrame:0} B/frame |
                | all threads allocation, steady state | {r.PipelineBytesPerFrame:0} B/frame |
                | detections per frame (at the manifest's score threshold) | {r.MeanDetectionsPerFrame:0.0} |
                """));
            return 0;
        });
        return command;
    }
}
