using System.Diagnostics;
using EdgeCity.Domain.Detection;
using EdgeCity.Vision.Inference;
using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;

namespace EdgeCity.Vision.Benchmarking;

/// <summary>
/// Raw inference as a user would call it, for the benchmark's baseline: preallocated input and output
/// <see cref="OrtValue"/>s over one prepared tensor, <c>session.Run</c> on the calling thread, nothing else.
/// </summary>
internal sealed class RawRunner : IDisposable
{
    private readonly DetectionModel _model;
    private readonly OrtValue _in;
    private readonly RunOptions _runOptions = new();
    private readonly string[] _inNames;
    private readonly string[] _outNames;
    private readonly OrtValue[] _ins;
    private readonly OrtValue[] _outs;

    public RawRunner(DetectionModel model, Mat frame, int batch)
    {
        _model = model;
        var input = model.Manifest.Input;
        var data = new float[batch * model.InputFloatsPerImage];
        using (var pre = new LetterboxPreprocessor(input))
        {
            for (var b = 0; b < batch; b++)
            {
                pre.Write(frame, data.AsSpan(b * model.InputFloatsPerImage, model.InputFloatsPerImage), null);
            }
        }

        _in = OrtValue.CreateTensorValueFromMemory(data, [batch, 3, input.Height, input.Width]);
        _inNames = [model.InputName];
        _outNames = model.Outputs.Select(o => o.Name).ToArray();
        _ins = [_in];
        _outs = model.Outputs.Select(o => OrtValue.CreateTensorValueFromMemory(new float[batch * o.FloatsPerImage], o.ShapeFor(batch))).ToArray();
    }

    /// <summary>Runs the model <paramref name="runs"/> times back to back.</summary>
    public (long Runs, double Seconds, double CpuMs) Run(int runs)
    {
        var cpu = BenchClock.ProcessCpuMs();
        var t = Stopwatch.GetTimestamp();
        for (var i = 0; i < runs; i++)
        {
            _model.Session.Run(_runOptions, _inNames, _ins, _outNames, _outs);
        }

        var seconds = Stopwatch.GetElapsedTime(t).TotalSeconds;
        return (runs, seconds, BenchClock.ProcessCpuMs() - cpu);
    }

    public void Dispose()
    {
        _in.Dispose();
        foreach (var o in _outs)
        {
            o.Dispose();
        }

        _runOptions.Dispose();
    }
}
