using System.Text.Json;
using EdgeCity.Domain.Evaluation.DetectionMetrics;
using EdgeCity.Domain.Geometry;
using OpenCvSharp;

namespace EdgeCity.Vision.Evaluation;

/// <summary>
/// Reads a camera-twin recording (<c>CAMERA.avi</c> + <c>CAMERA.truth.jsonl</c> from <c>edgecity twin record</c>) as
/// labelled frames. A vehicle listed in a frame's <c>crossings</c> is on the count line at the stop line in that frame:
/// its box is marked <see cref="GroundTruthBox.AtStopLine"/>.
/// </summary>
public static class TwinRecordingReader
{
    /// <summary>The truth file beside a recording (<c>x.avi</c> -> <c>x.truth.jsonl</c>).</summary>
    public static string TruthPath(string videoPath) => Path.ChangeExtension(videoPath, null) + ".truth.jsonl";

    /// <summary>Every <paramref name="every"/>-th frame of the recording with its truth, classes mapped by name onto <paramref name="modelClasses"/>.</summary>
    public static IEnumerable<LabelledFrame> Read(string videoPath, IReadOnlyList<string> modelClasses, int every = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(every);
        var truthPath = TruthPath(videoPath);
        if (!File.Exists(videoPath) || !File.Exists(truthPath))
        {
            throw new LabelSetException($"{Path.GetFullPath(videoPath)}: a twin recording needs the video and {Path.GetFileName(truthPath)} beside it");
        }

        using var capture = new VideoCapture(videoPath);
        if (!capture.IsOpened())
        {
            throw new LabelSetException($"{videoPath}: the video cannot be opened");
        }

        var index = 0;
        var lineNo = 0;
        foreach (var line in File.ReadLines(truthPath))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var image = new Mat();
            if (!capture.Read(image) || image.Empty())
            {
                image.Dispose();
                throw new LabelSetException($"{videoPath}: the video ends at frame {index} but {Path.GetFileName(truthPath)} goes on (line {lineNo})");
            }

            if (index++ % every != 0)
            {
                image.Dispose();
                continue;
            }

            IReadOnlyList<GroundTruthBox> truth;
            try
            {
                truth = ParseFrame(line, modelClasses, image.Width, image.Height);
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or InvalidDataException)
            {
                image.Dispose();
                throw new LabelSetException($"{truthPath}:{lineNo}: {ex.Message}", ex);
            }

            yield return new LabelledFrame($"{videoPath}#{index - 1}", image, truth);
        }
    }

    /// <summary>One truth line's objects; boxes are scaled when the video's size differs from the line's width/height.</summary>
    public static IReadOnlyList<GroundTruthBox> ParseFrame(string json, IReadOnlyList<string> modelClasses, int videoWidth, int videoHeight)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var sx = root.TryGetProperty("width", out var w) ? videoWidth / w.GetDouble() : 1.0;
        var sy = root.TryGetProperty("height", out var h) ? videoHeight / h.GetDouble() : 1.0;
        var atLine = new HashSet<string>(StringComparer.Ordinal);
        if (root.TryGetProperty("crossings", out var crossings))
        {
            foreach (var c in crossings.EnumerateArray())
            {
                atLine.Add(c.GetProperty("vehicle").GetString() ?? string.Empty);
            }
        }

        var boxes = new List<GroundTruthBox>();
        // "vehicles" is the twin's truth format (TruthFrame); "objects" is what recordings made before it held.
        var objects = root.TryGetProperty("vehicles", out var vehicles) ? vehicles
            : root.TryGetProperty("objects", out var older) ? older
            : throw new InvalidDataException("a truth line has no \"vehicles\" array");
        foreach (var o in objects.EnumerateArray())
        {
            var cls = IndexOf(modelClasses, o.GetProperty("class").GetString() ?? string.Empty);
            if (cls < 0)
            {
                continue;
            }

            var b = o.GetProperty("box");
            var box = new BoxF((float)(b[0].GetDouble() * sx), (float)(b[1].GetDouble() * sy), (float)(b[2].GetDouble() * sx), (float)(b[3].GetDouble() * sy));
            var id = o.TryGetProperty("id", out var idEl) ? idEl.GetString() ?? string.Empty : string.Empty;
            boxes.Add(new GroundTruthBox(cls, box, atLine.Contains(id)));
        }

        return boxes;
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
