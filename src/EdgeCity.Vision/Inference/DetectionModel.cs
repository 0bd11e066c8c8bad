using System.Security.Cryptography;
using EdgeCity.Domain.Detection;
using Microsoft.ML.OnnxRuntime;

namespace EdgeCity.Vision.Inference;

/// <summary>
/// One detector model loaded on this node: its manifest and its single <see cref="InferenceSession"/>, shared by every
/// camera and inference thread (<c>Run</c> is thread-safe). Loading checks the manifest against the session's real
/// input and output shapes with a dry run, so a model that disagrees with its manifest fails here, by name, not at the
/// first frame with boxes in the wrong place.
/// </summary>
public sealed class DetectionModel : IDisposable
{
    private DetectionModel(ModelManifest manifest, string path, InferenceSession session, ExecutionProvider provider, IReadOnlyList<string> skipped, IReadOnlyList<ModelOutput> outputs, int rows, int? fixedBatch, int maxBatch)
    {
        Manifest = manifest;
        Path = path;
        Session = session;
        Provider = provider;
        SkippedProviders = skipped;
        Outputs = outputs;
        Rows = rows;
        FixedBatch = fixedBatch;
        MaxBatch = maxBatch;
    }

    public ModelManifest Manifest { get; }

    public string Name => Manifest.Name;

    /// <summary>The ONNX file.</summary>
    public string Path { get; }

    public InferenceSession Session { get; }

    public ExecutionProvider Provider { get; }

    /// <summary>Provider label for logs and metrics: <c>tensorrt</c>, <c>cuda</c> or <c>cpu</c>.</summary>
    public string ProviderLabel => Provider.ToString().ToLowerInvariant();

    /// <summary>Providers tried before <see cref="Provider"/> and why they were skipped.</summary>
    public IReadOnlyList<string> SkippedProviders { get; }

    /// <summary>
    /// Weights the file also lists as graph inputs (older exporters do): ONNX Runtime must then treat them as values a
    /// caller may replace, so it neither folds nor fuses around them. Zero for a well-formed file.
    /// </summary>
    public int WeightsAsInputs => Session.OverridableInitializerMetadata.Count;

    /// <summary>What to tell an operator when <see cref="WeightsAsInputs"/> is not zero; null when it is.</summary>
    public string? WeightsAsInputsAdvice => WeightsAsInputs == 0 ? null
        : $"{WeightsAsInputs} weights of {System.IO.Path.GetFileName(Path)} are also graph inputs, so ONNX Runtime cannot treat them as constants (slower: NanoDet-m ran 5 % faster without); "
          + "models/train/weights_as_constants.py IN.onnx OUT.onnx fixes the file without changing a number (then update the manifest's sha256)";

    public string InputName => Manifest.Input.Name;

    /// <summary>The outputs the decoder reads, in its order, with each one's shape for one image.</summary>
    public IReadOnlyList<ModelOutput> Outputs { get; }

    /// <summary>Anchors (or end-to-end slots) per image in the output.</summary>
    public int Rows { get; }

    /// <summary>The model's batch size when its batch dimension is fixed; null when dynamic.</summary>
    public int? FixedBatch { get; }

    /// <summary>Most images per run: the fixed batch, or the configured maximum when dynamic.</summary>
    public int MaxBatch { get; }

    /// <summary>Floats per image in the input tensor.</summary>
    public int InputFloatsPerImage => 3 * Manifest.Input.Width * Manifest.Input.Height;

    /// <summary>A decoder for one inference thread.</summary>
    public DetectionDecoder CreateDecoder() => DetectionDecoder.Create(Manifest, Rows);

    /// <summary>Loads <c>&lt;modelsDirectory&gt;/&lt;name&gt;.json</c> and its ONNX file; throws <see cref="ModelLoadException"/> naming the model.</summary>
    public static DetectionModel Load(string modelsDirectory, string name, DetectorOptions options)
    {
        ModelManifest manifest;
        try
        {
            manifest = ModelManifestFile.Load(ModelManifestFile.PathOf(modelsDirectory, name));
        }
        catch (ModelManifestException ex)
        {
            throw new ModelLoadException($"model '{name}': {ex.Message}", ex);
        }

        return Load(manifest, System.IO.Path.Combine(modelsDirectory, manifest.File), options);
    }

    /// <summary>Loads the ONNX file at <paramref name="onnxPath"/> for an already-read manifest.</summary>
    public static DetectionModel Load(ModelManifest manifest, string onnxPath, DetectorOptions options)
    {
        var label = $"model '{manifest.Name}' ({System.IO.Path.GetFullPath(onnxPath)})";
        if (!File.Exists(onnxPath))
        {
            throw new ModelLoadException($"{label}: the ONNX file named by the manifest's \"file\" does not exist");
        }

        var bytes = File.ReadAllBytes(onnxPath);
        if (manifest.Sha256.Length > 0)
        {
            var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
            if (!actual.Equals(manifest.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new ModelLoadException($"{label}: sha256 is {actual} but the manifest says {manifest.Sha256} (wrong or damaged file)");
            }
        }

        InferenceSession session;
        ExecutionProvider provider;
        IReadOnlyList<string> skipped;
        try
        {
            (session, provider, skipped) = SessionFactory.Create(bytes, options);
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or InvalidOperationException)
        {
            throw new ModelLoadException($"{label}: not a loadable ONNX model: {ex.Message.Split('\n')[0]}", ex);
        }

        try
        {
            var (outputs, rows, fixedBatch) = CheckShapes(manifest, session, label);
            var maxBatch = fixedBatch ?? Math.Max(1, options.MaxBatch);
            return new DetectionModel(manifest, onnxPath, session, provider, skipped, outputs, rows, fixedBatch, maxBatch);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    private static (IReadOnlyList<ModelOutput> Outputs, int Rows, int? FixedBatch) CheckShapes(ModelManifest manifest, InferenceSession session, string label)
    {
        var input = manifest.Input;
        var expected = $"[N, 3, {input.Height}, {input.Width}]";
        if (!session.InputMetadata.TryGetValue(input.Name, out var meta))
        {
            throw new ModelLoadException($"{label}: the manifest's input '{input.Name}' is not an input of the model (it has: {string.Join(", ", session.InputNames)})");
        }

        var dims = meta.Dimensions;
        var actual = "[" + string.Join(", ", dims) + "]";
        if (dims.Length != 4 || dims[1] != 3 || (dims[2] > 0 && dims[2] != input.Height) || (dims[3] > 0 && dims[3] != input.Width))
        {
            throw new ModelLoadException($"{label}: input '{input.Name}' is {actual} but the manifest says {expected}");
        }

        var outputNames = DetectionDecoder.OutputNamesOf(manifest).Select(n => n.Length > 0 ? n : session.OutputNames[0]).ToArray();
        var missing = outputNames.FirstOrDefault(n => !session.OutputMetadata.ContainsKey(n));
        if (missing is not null)
        {
            var whose = manifest.Layout == ModelLayout.NanoDet ? $"layout nanoDet's output '{missing}'" : $"the manifest's output '{missing}'";
            throw new ModelLoadException($"{label}: {whose} is not an output of the model (it has: {string.Join(", ", session.OutputNames)})");
        }

        // A dry run on a blank image gives the real output shape even where the file leaves it symbolic.
        int? fixedBatch = dims[0] > 0 ? dims[0] : null;
        var batch = fixedBatch ?? 1;
        long[] shape = [batch, 3, input.Height, input.Width];
        using var value = OrtValue.CreateTensorValueFromMemory(new float[batch * 3 * input.Height * input.Width], shape);
        using var runOptions = new RunOptions();
        long[][] outShapes;
        try
        {
            using var results = session.Run(runOptions, [input.Name], [value], outputNames);
            outShapes = results.Select(r => r.GetTensorTypeAndShape().Shape).ToArray();
        }
        catch (OnnxRuntimeException ex)
        {
            throw new ModelLoadException($"{label}: a dry run with input {actual} failed: {ex.Message.Split('\n')[0]}", ex);
        }

        var (rows, problem) = DetectionDecoder.CheckOutputShapes(manifest, outShapes);
        if (problem is not null)
        {
            throw new ModelLoadException($"{label}: input {actual}, {problem}; the manifest declares layout {manifest.Layout} with {manifest.Classes.Count} classes");
        }

        var outputs = outputNames.Select((n, i) => new ModelOutput(n, outShapes[i][1..])).ToList();
        return (outputs, rows, fixedBatch);
    }

    public void Dispose() => Session.Dispose();
}
