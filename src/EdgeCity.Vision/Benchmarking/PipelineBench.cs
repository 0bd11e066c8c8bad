using System.Diagnostics;
using EdgeCity.Domain.Detection;
using EdgeCity.Vision.Capture;
using EdgeCity.Vision.Inference;
using EdgeCity.Vision.Runtime;
using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;

namespace EdgeCity.Vision.Benchmarking;

/// <summary>
/// Measures the camera pipeline on a clip (the <c>edgecity bench</c> verb; never part of <c>dotnet test</c>):
/// letterbox preprocessing alone, raw <c>InferenceSession.Run</c> throughput on a prepared tensor, and the whole
/// pipeline (capture thread decoding the clip → newest-frame slot → preprocess → run → decode boxes), with managed
/// bytes allocated per frame in steady state.
/// </summary>
public static class PipelineBench
{
    /// <remarks>
    /// Raw and pipeline runs alternate for <paramref name="rounds"/> rounds and the median of each is reported, so a
    /// burst of load from other processes on a shared box skews one round, not the ratio.
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
        progress($"preprocess {preMean:0.000} ms/frame");
        var raws = new List<(double Fps, double Ms)>();
        var pipes = new List<(double Fps, double CoreBytes, double AllBytes, double Detections)>();
        for (var round = 1; round <= Math.Max(1, rounds); round++)
        {
            raws.Add(RawRun(loaded, sample[0], frames, batch));
            pipes.Add(OnOwnThread(() => Pipeline(loaded, clip, frames, batch)));
            progress($"round {round}: raw InferenceSession.Run {raws[^1].Fps:0.0} frames/s, pipeline {pipes[^1].Fps:0.0} frames/s");
        }

        var (rawFps, rawMs) = raws.OrderBy(r => r.Fps).ElementAt(raws.Count / 2);
        var pipeFps = pipes.Select(p => p.Fps).Order().ElementAt(pipes.Count / 2);
        var coreBytes = pipes.Max(p => p.CoreBytes);
        var pipeBytes = pipes.Max(p => p.AllBytes);
        var dets = pipes.Average(p => p.Detections);

        foreach (var m in sample)
        {
            m.Dispose();
        }

        return new PipelineBenchResult(loaded.Name, loaded.ProviderLabel, options.IntraOpThreads, batch, frames, rounds, decodeFps, preMean, preP50, preP99, preBytes, rawFps, rawMs, pipeFps, coreBytes, pipeBytes, dets);
    }

    // The node's inference loop has a thread of its own, whose priority it lowers: so does the pipeline here, leaving
    // this thread's priority as it was for the raw rounds.
    private static T OnOwnThread<T>(Func<T> run)
    {
        T result = default!;
        Exception? error = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = run();
            }
            catch (Exception ex)
            {
                error = ex;
            }
        }) { Name = "bench-inference" };
        thread.Start();
        thread.Join();
        return error is null ? result : throw new InvalidOperationException("the pipeline round failed: " + error.Message, error);
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

    private static (double Fps, double MeanMs) RawRun(DetectionModel model, Mat frame, int frames, int batch)
    {
        // The plain API a user would call: preallocated input and output OrtValues, session.Run, nothing else.
        var input = model.Manifest.Input;
        var data = new float[batch * model.InputFloatsPerImage];
        var decoder = model.CreateDecoder();
        var output = new float[batch * decoder.FloatsPerImage];
        using (var pre = new LetterboxPreprocessor(input))
        {
            for (var b = 0; b < batch; b++)
            {
                pre.Write(frame, data.AsSpan(b * model.InputFloatsPerImage, model.InputFloatsPerImage), null);
            }
        }

        long[] outShape = model.Manifest.Layout == ModelLayout.YoloV8
            ? [batch, 4 + model.Manifest.Classes.Count, model.Rows]
            : [batch, model.Rows, decoder.FloatsPerImage / model.Rows];
        using var inValue = OrtValue.CreateTensorValueFromMemory(data, [batch, 3, input.Height, input.Width]);
        using var outValue = OrtValue.CreateTensorValueFromMemory(output, outShape);
        using var runOptions = new RunOptions();
        string[] inNames = [model.InputName], outNames = [model.OutputName];
        OrtValue[] ins = [inValue], outs = [outValue];
        var runs = Math.Max(1, frames / batch);
        for (var i = 0; i < Math.Min(10, runs); i++)
        {
            model.Session.Run(runOptions, inNames, ins, outNames, outs);
        }

        var t = Stopwatch.GetTimestamp();
        for (var i = 0; i < runs; i++)
        {
            model.Session.Run(runOptions, inNames, ins, outNames, outs);
        }

        var seconds = Stopwatch.GetElapsedTime(t).TotalSeconds;
        return (runs * batch / seconds, seconds * 1000 / runs);
    }

    private static (double Fps, double CoreBytesPerFrame, double TotalBytesPerFrame, double DetectionsPerFrame) Pipeline(DetectionModel model, string clip, int frames, int batch)
    {
        // One capture thread per "camera" (batch of them, all decoding the clip), exactly as the node runs them; this
        // thread is the inference loop's. Files wait for the consumer, so every decoded frame is inferred.
        var slots = new LatestFrameSlot[batch];
        var captures = new CameraCapture[batch];
        var observer = new NullObserver();
        using var arrived = new AutoResetEvent(false);
        var options = new FrameSourceOptions { Source = clip, LoopFile = true, PaceFile = false, WaitForConsumer = true };
        for (var c = 0; c < batch; c++)
        {
            slots[c] = new LatestFrameSlot();
            slots[c].OnFrameArrived(() => arrived.Set());
            captures[c] = new CameraCapture($"bench-{c}", options, slots[c], observer, TimeProvider.System, new ReconnectBackoff());
            captures[c].Start();
        }

        // As the node's inference loop: this thread letterboxes frames into one lane and decodes the boxes of the
        // other while the model runs on the detector's runner thread.
        using var detector = new OverlappedDetector(model);
        ThreadNice.TryLower(5); // after the detector's runner and the captures started, as the inference loop does
        var found = new List<Detection>(512);
        var letterboxes = new Letterbox[2, batch];
        var detections = 0L;
        var warmup = Math.Min(20, frames / 4);
        long done = 0, coreBytes = 0, totalBytes = 0;
        var t = 0L;
        while (done < frames + warmup)
        {
            if (done >= warmup && t == 0)
            {
                t = Stopwatch.GetTimestamp();
                totalBytes = GC.GetTotalAllocatedBytes(precise: true);
                coreBytes = 0;
                detections = 0;
                done = 0;
                warmup = 0;
            }

            var lane = detector.Filling;
            var filled = 0;
            while (filled < batch)
            {
                if (slots[filled].TryTake(out var frame))
                {
                    var before = GC.GetAllocatedBytesForCurrentThread();
                    letterboxes[lane, filled] = detector.Lane(lane).Prepare(filled, frame.Image);
                    coreBytes += GC.GetAllocatedBytesForCurrentThread() - before;
                    filled++;
                }
                else
                {
                    arrived.WaitOne(5); // as the inference thread does: sleep until a capture publishes
                }
            }

            var b0 = GC.GetAllocatedBytesForCurrentThread();
            var finished = detector.Submit(batch, out var error);
            if (error is not null)
            {
                throw error;
            }

            var other = 1 - lane;
            for (var i = 0; i < finished; i++)
            {
                detector.Lane(other).Decode(i, letterboxes[other, i], found);
                detections += found.Count;
            }

            coreBytes += GC.GetAllocatedBytesForCurrentThread() - b0;
            done += finished;
        }

        var seconds = Stopwatch.GetElapsedTime(t).TotalSeconds;
        totalBytes = GC.GetTotalAllocatedBytes(precise: true) - totalBytes;
        foreach (var c in captures)
        {
            c.Stop(TimeSpan.FromSeconds(5));
        }

        foreach (var s in slots)
        {
            s.Release();
        }

        return (done / seconds, (double)coreBytes / done, (double)totalBytes / done, (double)detections / done);
    }

    private sealed class NullObserver : ICaptureObserver
    {
        public void StreamUp(string description)
        {
        }

        public void StreamDown(string reason, TimeSpan retryIn) => throw new FrameSourceException(reason);

        public void Reconnecting(int attempt)
        {
        }

        public void FrameCaptured()
        {
        }

        public void FrameDropped(string reason)
        {
        }

        public void Ended()
        {
        }
    }
}
