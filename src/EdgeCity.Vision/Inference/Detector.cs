using EdgeCity.Domain.Detection;
using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;

namespace EdgeCity.Vision.Inference;

/// <summary>
/// Runs a <see cref="DetectionModel"/> for one inference thread: frames are letterboxed into a pinned batch tensor,
/// run through ONNX Runtime with I/O bindings prepared once per batch size, and decoded into a reused list. In steady
/// state no managed memory is allocated per frame. Not thread-safe; the session it uses is shared.
/// </summary>
public sealed class Detector : IDisposable
{
    private readonly DetectionModel _model;
    private readonly LetterboxPreprocessor _preprocessor;
    private readonly DetectionDecoder _decoder;
    private readonly float[] _input;
    private readonly float[][] _outputs;
    private readonly float[] _gathered;
    private readonly Letterbox?[] _written;
    private readonly OrtIoBinding?[] _bindings;
    private readonly List<OrtValue> _values = [];
    private readonly RunOptions _runOptions = new();

    public Detector(DetectionModel model)
    {
        _model = model;
        MaxBatch = model.MaxBatch;
        _preprocessor = new LetterboxPreprocessor(model.Manifest.Input);
        _decoder = model.CreateDecoder();
        _input = GC.AllocateArray<float>(MaxBatch * model.InputFloatsPerImage, pinned: true);
        _outputs = model.Outputs.Select(o => GC.AllocateArray<float>(MaxBatch * o.FloatsPerImage, pinned: true)).ToArray();
        _gathered = model.Outputs.Count > 1 ? new float[_decoder.FloatsPerImage] : [];
        _written = new Letterbox?[MaxBatch];
        _bindings = new OrtIoBinding?[MaxBatch + 1];
    }

    public DetectionModel Model => _model;

    /// <summary>This detector's decoder: what it reported and skipped so far (<see cref="ViewCheck"/>).</summary>
    public DetectionDecoder Decoder => _decoder;

    /// <summary>Most frames per <see cref="Run"/>.</summary>
    public int MaxBatch { get; }

    /// <summary>Letterboxes <paramref name="frame"/> into batch position <paramref name="index"/>.</summary>
    public Letterbox Prepare(int index, Mat frame)
    {
        var n = _model.InputFloatsPerImage;
        var lb = _preprocessor.Write(frame, _input.AsSpan(index * n, n), _written[index]);
        _written[index] = lb;
        return lb;
    }

    /// <summary>Runs the model on the first <paramref name="count"/> prepared frames (a fixed-batch model always runs its full batch).</summary>
    public void Run(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxBatch);
        var batch = _model.FixedBatch ?? count;
        var binding = _bindings[batch] ??= Bind(batch);
        _model.Session.RunWithBinding(_runOptions, binding);
    }

    /// <summary>Decodes batch position <paramref name="index"/> of the last run into <paramref name="into"/> (cleared first).</summary>
    public void Decode(int index, in Letterbox letterbox, List<Detection> into)
    {
        if (_outputs.Length == 1)
        {
            var n = _decoder.FloatsPerImage;
            _decoder.Decode(_outputs[0].AsSpan(index * n, n), letterbox, into);
            return;
        }

        // Several outputs (NanoDet's per-stride pairs): the image's slice of each, one after another, is what the decoder reads.
        var at = 0;
        for (var o = 0; o < _outputs.Length; o++)
        {
            var n = _model.Outputs[o].FloatsPerImage;
            _outputs[o].AsSpan(index * n, n).CopyTo(_gathered.AsSpan(at, n));
            at += n;
        }

        _decoder.Decode(_gathered, letterbox, into);
    }

    private OrtIoBinding Bind(int batch)
    {
        var input = _model.Manifest.Input;
        var inValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, new Memory<float>(_input, 0, batch * _model.InputFloatsPerImage), [batch, 3, input.Height, input.Width]);
        _values.Add(inValue);
        var binding = _model.Session.CreateIoBinding();
        binding.BindInput(_model.InputName, inValue);
        for (var o = 0; o < _outputs.Length; o++)
        {
            var output = _model.Outputs[o];
            var outValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, new Memory<float>(_outputs[o], 0, batch * output.FloatsPerImage), output.ShapeFor(batch));
            _values.Add(outValue);
            binding.BindOutput(output.Name, outValue);
        }

        return binding;
    }

    public void Dispose()
    {
        foreach (var b in _bindings)
        {
            b?.Dispose();
        }

        foreach (var v in _values)
        {
            v.Dispose();
        }

        _runOptions.Dispose();
        _preprocessor.Dispose();
    }
}
