using System.Diagnostics;
using EdgeCity.Domain.Detection;
using EdgeCity.Vision.Capture;
using EdgeCity.Vision.Inference;
using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;

namespace EdgeCity.Vision.Benchmarking;

/// <summary>
/// Measures the camera pipeline on a clip (the <c>edgecity bench</c> verb; never part of <c>dotnet test</c>):
/// letterbox preprocessing alone, box decoding alone, raw <c>InferenceSession.Run</c> throughput on a prepared tensor,
/// and the whole pipeline as the node runs it (capture threads decoding the clip → newest-frame slots → letterbox into
/// one lane while the model runs the other → decode boxes), with managed bytes allocated per frame in steady state.
/// </summary>
public static class PipelineBench
{
    /// <summary>Frames per raw or pipeline block: short enough that both see the same load from other processes.</summary>
    private const int BlockFrames = 20;

    /// <remarks>
    /// Each round runs <paramref name="frames"/> raw and <paramref name="frames"/> pipeline frames in alternating blocks
    /// of 20, so a burst of load from other processes on a shared box hits both alike; the round's ratio is its
    /// pipeline throughput over its raw throughput, and the median over <paramref name="rounds"/> rounds is reported.
    /// </remarks>
    public static PipelineBenchResult Run(string modelsDirectory, string model, string clip, DetectorOptions options, int frames, int batch, int rounds, Action<string> progress)
    {
        using var loaded = DetectionModel.Load(modelsDirectory, model, options with { MaxBatch = batch });
        batch = Math.Min(batch, loaded.MaxBatch);
        progress($"model {loaded.Name} on {loaded.ProviderLabel}, {loaded.Manifest.Input.Width}x{loaded.Manifest.Input.Height}, batch {batch}, intra-op threads {options.IntraOpThreads}");
        var sample = ReadFrames(clip, 25);

        var decodeFps = Decode(clip, Math.Max(100, frames));
        progress($"decode {decodeFps:0.0} frames/s");
        var (preMean, preP50, preP99, preBytes) = Preprocess(loaded, sample, Math.Max(200, frames));
        progress($"preprocess {preMean:0.000} ms/frame mean, {preP50:0.000} p50");
        var (boxesP50, kept) = Boxes(loaded, sample[0], Math.Max(200, frames));
        progress($"boxes (score scan, NMS, back to source pixels) {boxesP50:0.000} ms/frame p50, {kept} kept");

        using var raw = new RawRunner(loaded, sample[0], batch);
        using var rig = new PipelineRig(loaded, clip, batch);
        raw.Run(Math.Max(1, 10 / batch)); // warm both: first runs, first frames, lazily made bindings
        rig.Run(BlockFrames);

        var rawRounds = new List<(double Fps, double MsPerRun, double CpuMs)>();
        var pipeRounds = new List<(double Fps, double HostBytes, double AllBytes, double Detections, double CpuMs)>();
        for (var round = 1; round <= Math.Max(1, rounds); round++)
        {
            double rawSeconds = 0, rawCpu = 0, pipeSeconds = 0, pipeCpu = 0;
            long rawFrames = 0, rawRuns = 0, pipeFrames = 0, hostBytes = 0, allBytes = 0, detections = 0;
            while (rawFrames < frames || pipeFrames < frames)
            {
                var r = raw.Run(Math.Max(1, BlockFrames / batch));
                rawSeconds += r.Seconds;
                rawCpu += r.CpuMs;
                rawRuns += r.Runs;
                rawFrames += r.Runs * batch;
                var p = rig.Run(BlockFrames);
                pipeSeconds += p.Seconds;
                pipeCpu += p.CpuMs;
                pipeFrames += p.Frames;
                hostBytes += p.HostBytes;
                allBytes += p.TotalBytes;
                detections += p.Detections;
            }

            rawRounds.Add((rawFrames / rawSeconds, rawSeconds * 1000 / rawRuns, rawCpu / rawFrames));
            pipeRounds.Add((pipeFrames / pipeSeconds, (double)hostBytes / pipeFrames, (double)allBytes / pipeFrames, (double)detections / pipeFrames, pipeCpu / pipeFrames));
            progress($"round {round}: raw InferenceSession.Run {rawRounds[^1].Fps:0.0} frames/s, pipeline {pipeRounds[^1].Fps:0.0} frames/s ({pipeRounds[^1].Fps / rawRounds[^1].Fps:0.00}x); CPU {rawRounds[^1].CpuMs:0.0} / {pipeRounds[^1].CpuMs:0.0} ms per frame");
        }

        foreach (var m in sample)
        {
            m.Dispose();
        }

        var ratios = pipeRounds.Zip(rawRounds, (p, r) => p.Fps / r.Fps).ToArray();
        var rawMedian = rawRounds.OrderBy(r => r.Fps).ElementAt(rawRounds.Count / 2);
        return new PipelineBenchResult(
            loaded.Name, loaded.ProviderLabel, options.IntraOpThreads, batch, frames, rounds, decodeFps, preMean, preP50, preP99, preBytes,
            rawMedian.Fps, rawMedian.MsPerRun, Median(pipeRounds.Select(p => p.Fps)), pipeRounds.Max(p => p.HostBytes), pipeRounds.Max(p => p.AllBytes), pipeRounds.Average(p => p.Detections))
        {
            RoundRatios = ratios,
            MedianRatio = Median(ratios),
            BoxesP50Ms = boxesP50,
            RawCpuMsPerFrame = Median(rawRounds.Select(r => r.CpuMs)),
            PipelineCpuMsPerFrame = Median(pipeRounds.Select(p => p.CpuMs)),
        };
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private static List<Mat> ReadFrames(string clip, int count)
    {
        using var source = VideoFrameSource.Open(new FrameSourceOptions { Source = clip });
        var frames = new List<Mat>();
        while (frames.Count < count)
        {
            var m = new Mat();
            if (!source.Read(m))
            {
                m.Dispose();
                break;
            }

            frames.Add(m);
        }

        return frames.Count > 0 ? frames : throw new FrameSourceException($"{clip}: no frame decoded");
    }

    private static double Decode(string clip, int n)
    {
        using var source = VideoFrameSource.Open(new FrameSourceOptions { Source = clip });
        using var frame = new Mat();
        var t = Stopwatch.GetTimestamp();
        for (var i = 0; i < n; i++)
        {
            if (!source.Read(frame) && !(source.Rewind() && source.Read(frame)))
            {
                throw new FrameSourceException($"{clip}: decoding stopped at frame {i}");
            }
        }

        return n / Stopwatch.GetElapsedTime(t).TotalSeconds;
    }

    private static (double Mean, double P50, double P99, double BytesPerFrame) Preprocess(DetectionModel model, List<Mat> frames, int n)
    {
        using var pre = new LetterboxPreprocessor(model.Manifest.Input);
        var tensor = new float[pre.FloatsPerImage];
        Letterbox? last = null;
        for (var i = 0; i < 50; i++)
        {
            last = pre.Write(frames[i % frames.Count], tensor, last);
        }

        var times = new double[n];
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < n; i++)
        {
            var t = Stopwatch.GetTimestamp();
            last = pre.Write(frames[i % frames.Count], tensor, last);
            times[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - bytes;
        Array.Sort(times);
        return (times.Average(), times[n / 2], times[(int)(n * 0.99)], (double)allocated / n);
    }

    private static (double P50Ms, int Kept) Boxes(DetectionModel model, Mat frame, int n)
    {
        // Decoding the model's output into boxes (score scan, NMS, letterbox back to source pixels) on one real output.
        using var detector = new Detector(model);
        var lb = detector.Prepare(0, frame);
        detector.Run(1);
        var found = new List<Detection>(512);
        var times = new double[n];
        for (var i = 0; i < n; i++)
        {
            var t = Stopwatch.GetTimestamp();
            detector.Decode(0, lb, found);
            times[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
        }

        Array.Sort(times);
        return (times[n / 2], found.Count);
    }
}
