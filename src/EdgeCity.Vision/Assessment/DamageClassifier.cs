using System.Security.Cryptography;
using EdgeCity.Domain.Assessment;
using EdgeCity.Domain.Geometry;
using EdgeCity.Vision.Inference;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using OpenCvSharp;

namespace EdgeCity.Vision.Assessment;

/// <summary>
/// A damage model (<see cref="DamageModelManifest"/>, layout <c>tileClassification</c>) in ONNX Runtime: the image is
/// cut into tiles of the manifest's size, each resized to the input and scored in batches; tiles whose best class is a
/// finding class, at or above the manifest's confidence, are joined into regions (<see cref="DamageRegions"/>).
/// </summary>
public sealed class DamageClassifier : IDisposable
{
    private const int Batch = 32;
    private readonly InferenceSession _session;

    private DamageClassifier(DamageModelManifest manifest, InferenceSession session)
    {
        Manifest = manifest;
        _session = session;
    }

    public DamageModelManifest Manifest { get; }

    /// <summary>Loads <c>&lt;modelsDirectory&gt;/&lt;name&gt;.json</c> and its ONNX file; throws <see cref="ModelLoadException"/> naming what is wrong.</summary>
    public static DamageClassifier Load(string modelsDirectory, string name, DetectorOptions options)
    {
        DamageModelManifest manifest;
        try
        {
            manifest = DamageModelManifestFile.Load(modelsDirectory, name);
        }
        catch (FormatException e)
        {
            throw new ModelLoadException($"damage model '{name}': {e.Message}", e);
        }

        var path = Path.GetFullPath(Path.Combine(modelsDirectory, manifest.File));
        if (!File.Exists(path))
        {
            throw new ModelLoadException($"damage model '{name}' ({path}): the ONNX file named by the manifest's \"file\" does not exist");
        }

        var bytes = File.ReadAllBytes(path);
        if (manifest.Sha256.Length > 0 && !Convert.ToHexStringLower(SHA256.HashData(bytes)).Equals(manifest.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new ModelLoadException($"damage model '{name}' ({path}): sha256 differs from the manifest's (wrong or damaged file)");
        }

        InferenceSession session;
        try
        {
            session = SessionFactory.Create(bytes, options).Session;
        }
        catch (OnnxRuntimeException e)
        {
            throw new ModelLoadException($"damage model '{name}' ({path}): not a loadable ONNX model: {e.Message.Split('\n')[0]}", e);
        }

        if (!session.InputMetadata.ContainsKey(manifest.Input.Name) || session.OutputMetadata.Count != 1
            || session.OutputMetadata.Values.First().Dimensions[^1] is var n && n > 0 && n != manifest.Classes.Count)
        {
            session.Dispose();
            throw new ModelLoadException($"damage model '{name}': the ONNX graph does not take input '{manifest.Input.Name}' or give one output of {manifest.Classes.Count} class scores");
        }

        return new DamageClassifier(manifest, session);
    }

    /// <summary>The damage regions of an 8-bit BGR image: class name, score, box in image pixels.</summary>
    public IReadOnlyList<(string Class, double Score, BoxF Box)> Classify(Mat image)
    {
        var tiles = ImageTiling.Tiles(image.Width, image.Height, Math.Min(Manifest.TilePixels, Math.Min(image.Width, image.Height)) is var t && t >= 32 ? t : 32, 0);
        var columns = tiles.Select(x => x.X).Distinct().Count();
        var classes = new string?[tiles.Count];
        var scores = new double[tiles.Count];
        var (w, h) = (Manifest.Input.Width, Manifest.Input.Height);
        var rgb = Manifest.Input.Color == "rgb";
        for (var start = 0; start < tiles.Count; start += Batch)
        {
            var count = Math.Min(Batch, tiles.Count - start);
            var input = new DenseTensor<float>([count, 3, h, w]);
            for (var k = 0; k < count; k++)
            {
                var (x, y, tw, th) = tiles[start + k];
                using var roi = new Mat(image, new Rect(x, y, tw, th));
                using var sized = new Mat();
                Cv2.Resize(roi, sized, new Size(w, h), 0, 0, InterpolationFlags.Area);
                sized.GetArray(out Vec3b[] pixels); // one copy out, not a native call per pixel
                for (var r = 0; r < h; r++)
                {
                    for (var c = 0; c < w; c++)
                    {
                        var px = pixels[(r * w) + c];
                        input[k, 0, r, c] = (float)((rgb ? px.Item2 : px.Item0) * Manifest.Input.Scale);
                        input[k, 1, r, c] = (float)(px.Item1 * Manifest.Input.Scale);
                        input[k, 2, r, c] = (float)((rgb ? px.Item0 : px.Item2) * Manifest.Input.Scale);
                    }
                }
            }

            using var results = _session.Run([NamedOnnxValue.CreateFromTensor(Manifest.Input.Name, input)]);
            var output = results[0].AsTensor<float>();
            for (var k = 0; k < count; k++)
            {
                var p = Enumerable.Range(0, Manifest.Classes.Count).Select(c => (double)output[k, c]).ToArray();
                if (Manifest.Output == "logits")
                {
                    var max = p.Max();
                    var e = p.Select(v => Math.Exp(v - max)).ToArray();
                    p = e.Select(v => v / e.Sum()).ToArray();
                }

                var best = Array.IndexOf(p, p.Max());
                var cls = Manifest.Classes[best];
                if (p[best] >= Manifest.MinConfidence && Manifest.Findings.ContainsKey(cls))
                {
                    (classes[start + k], scores[start + k]) = (cls, p[best]);
                }
            }
        }

        var boxes = tiles.Select(x => new BoxF(x.X, x.Y, x.X + x.Width, x.Y + x.Height)).ToList();
        return DamageRegions.Join(classes, scores, boxes, columns);
    }

    public void Dispose() => _session.Dispose();
}
