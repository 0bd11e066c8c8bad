using System.Globalization;
using EdgeCity.Domain.Evaluation.DetectionMetrics;
using EdgeCity.Domain.Geometry;
using OpenCvSharp;

namespace EdgeCity.Vision.Evaluation;

/// <summary>
/// Reads a folder labelled in the common YOLO txt format: every image (jpg, jpeg, png, bmp) under it, its labels in
/// the same-named .txt under the sibling <c>labels/</c> folder (Ultralytics layout) or beside it; one line per object,
/// <c>class cx cy w h</c> normalised to the image. An image without a label file has no objects.
/// </summary>
public static class YoloFolderReader
{
    private static readonly string[] Extensions = [".jpg", ".jpeg", ".png", ".bmp"];

    /// <summary>The image files of <paramref name="folder"/>, sorted by path.</summary>
    public static IReadOnlyList<string> Images(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new LabelSetException($"{Path.GetFullPath(folder)}: no such folder");
        }

        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Frames of <paramref name="folder"/>; label class ids index <paramref name="datasetClasses"/> and are mapped by name
    /// onto <paramref name="modelClasses"/> (labels of classes the model lacks are dropped).
    /// </summary>
    public static IEnumerable<LabelledFrame> Read(string folder, IReadOnlyList<string> datasetClasses, IReadOnlyList<string> modelClasses)
    {
        var map = datasetClasses.Select(c => IndexOf(modelClasses, c)).ToArray();
        foreach (var path in Images(folder))
        {
            var image = Cv2.ImRead(path, ImreadModes.Color);
            if (image.Empty())
            {
                image.Dispose();
                throw new LabelSetException($"{path}: not a readable image");
            }

            yield return new LabelledFrame(path, image, ReadLabels(LabelPath(path), image.Width, image.Height, map));
        }
    }

    /// <summary>The label file for an image: <c>.../labels/x.txt</c> for <c>.../images/x.jpg</c>, else <c>x.txt</c> beside it.</summary>
    public static string? LabelPath(string imagePath)
    {
        var stem = Path.ChangeExtension(imagePath, ".txt");
        var sep = Path.DirectorySeparatorChar;
        var marker = $"{sep}images{sep}";
        var i = stem.LastIndexOf(marker, StringComparison.Ordinal);
        if (i >= 0)
        {
            var sibling = string.Concat(stem.AsSpan(0, i), $"{sep}labels{sep}", stem.AsSpan(i + marker.Length));
            if (File.Exists(sibling))
            {
                return sibling;
            }
        }

        return File.Exists(stem) ? stem : null;
    }

    /// <summary>Parses one label file into boxes in pixels of a <paramref name="width"/> x <paramref name="height"/> image.</summary>
    public static IReadOnlyList<GroundTruthBox> ReadLabels(string? labelPath, int width, int height, IReadOnlyList<int> classMap)
    {
        var boxes = new List<GroundTruthBox>();
        if (labelPath is null)
        {
            return boxes;
        }

        var n = 0;
        foreach (var line in File.ReadLines(labelPath))
        {
            n++;
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0)
            {
                continue;
            }

            if (parts.Length < 5 || !int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var cls)
                || !TryFloats(parts, out var cx, out var cy, out var w, out var h))
            {
                throw new LabelSetException($"{labelPath}:{n}: expected 'class cx cy w h' (normalised), got '{line.Trim()}'");
            }

            if (cls < 0 || cls >= classMap.Count)
            {
                throw new LabelSetException($"{labelPath}:{n}: class {cls} is outside the data set's {classMap.Count} classes");
            }

            if (classMap[cls] >= 0)
            {
                boxes.Add(new GroundTruthBox(classMap[cls], BoxF.FromCenter(cx * width, cy * height, w * width, h * height)));
            }
        }

        return boxes;
    }

    private static bool TryFloats(string[] p, out float cx, out float cy, out float w, out float h)
    {
        var ok = float.TryParse(p[1], NumberStyles.Float, CultureInfo.InvariantCulture, out cx);
        ok &= float.TryParse(p[2], NumberStyles.Float, CultureInfo.InvariantCulture, out cy);
        ok &= float.TryParse(p[3], NumberStyles.Float, CultureInfo.InvariantCulture, out w);
        ok &= float.TryParse(p[4], NumberStyles.Float, CultureInfo.InvariantCulture, out h);
        return ok;
    }

    private static int IndexOf(IReadOnlyList<string> list, string name)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
