using System.Text.Json;
using EdgeCity.Domain.Evaluation.DetectionMetrics;
using EdgeCity.Domain.Geometry;
using OpenCvSharp;

namespace EdgeCity.Vision.Evaluation;

/// <summary>
/// Reads a camera-twin recording (<c>CAMERA.avi</c> + <c>CAMERA.truth.jsonl</c> from <c>edgecity twin record</c>) as
/// labelled frames. A vehicle listed in a frame's <c>crossings</c> is on the count line at the stop line in that frame;
/// its box is marked <see cref="GroundTruthBox.AtStopLine"/> in every frame within a window of frames around that
/// crossing (it has the size it has at the stop line there), so that scoring every N-th frame still sees each crossing.
/// </summary>
public static class TwinRecordingReader
{
    /// <summary>The truth file beside a recording (<c>x.avi</c> -> <c>x.truth.jsonl</c>).</summary>
    public static string TruthPath(string videoPath) => Path.ChangeExtension(videoPath, null) + ".truth.jsonl";

    /// <summary>
    /// Every <paramref name="every"/>-th frame of the recording with its truth, classes mapped by name onto
    /// <paramref name="modelClasses"/>; a vehicle is at the stop line within <paramref name="stopLineWindowSeconds"/> of
    /// one of its crossings, on the truth's clock (0: only in the crossing's own frame).
    /// </summary>
    public static IEnumerable<LabelledFrame> Read(string videoPath, IReadOnlyList<string> modelClasses, int every = 1, double stopLineWindowSeconds = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(every);
        ArgumentOutOfRangeException.ThrowIfNegative(stopLineWindowSeconds);
        var truthPath = TruthPath(videoPath);
        if (!File.Exists(videoPath) || !File.Exists(truthPath))
        {
            throw new LabelSetException($"{Path.GetFullPath(videoPath)}: a twin recording needs the video and {Path.GetFileName(truthPath)} beside it");
        }

        // A window needs every crossing up front (a vehicle is at the line before its crossing's frame too); without
        // one, each line's own crossings say it, and the file is read once.
        var (crossingTimes, frameTimes) = stopLineWindowSeconds > 0 ? Crossings(truthPath) : ([], []);

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
                Func<string, bool>? atStopLine = null;
                if (stopLineWindowSeconds > 0)
                {
                    var time = frameTimes[index - 1];
                    atStopLine = id => crossingTimes.TryGetValue(id, out var at) && at.Any(t => Math.Abs(t - time) <= stopLineWindowSeconds + 1e-6);
                }

                truth = ParseFrame(line, modelClasses, image.Width, image.Height, atStopLine);
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or InvalidDataException)
            {
                image.Dispose();
                throw new LabelSetException($"{truthPath}:{lineNo}: {ex.Message}", ex);
            }

            yield return new LabelledFrame($"{videoPath}#{index - 1}", image, truth);
        }
    }

    /// <summary>
    /// One truth line's objects; boxes are scaled when the video's size differs from the line's width/height. A box is
    /// at the stop line when <paramref name="atStopLine"/> says so of its vehicle id, or, without it, when the line's
    /// own crossings list the vehicle.
    /// </summary>
    public static IReadOnlyList<GroundTruthBox> ParseFrame(string json, IReadOnlyList<string> modelClasses, int videoWidth, int videoHeight, Func<string, bool>? atStopLine = null)
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
        var occluders = new List<BoxF>();
        // "vehicles" is the twin's truth format (TruthFrame); "objects" is what recordings made before it held.
        var objects = root.TryGetProperty("vehicles", out var vehicles) ? vehicles
            : root.TryGetProperty("objects", out var older) ? older
            : throw new InvalidDataException("a truth line has no \"vehicles\" array");
        foreach (var o in objects.EnumerateArray())
        {
            var cls = IndexOf(modelClasses, o.GetProperty("class").GetString() ?? string.Empty);
            var b = o.GetProperty("box");
            var box = new BoxF((float)(b[0].GetDouble() * sx), (float)(b[1].GetDouble() * sy), (float)(b[2].GetDouble() * sx), (float)(b[3].GetDouble() * sy));
            occluders.Add(box); // every vehicle hides what stands behind it, whatever its class
            if (cls < 0)
            {
                continue;
            }

            var id = o.TryGetProperty("id", out var idEl) ? idEl.GetString() ?? string.Empty : string.Empty;
            boxes.Add(new GroundTruthBox(cls, box, atStopLine?.Invoke(id) ?? atLine.Contains(id)));
        }

        return WithVisibility(boxes, occluders);
    }

    // When each vehicle crosses a count line, and each frame's time (non-blank truth lines in order; seconds). A line
    // that does not parse is left to the main pass, which reports it with its line number.
    private static (Dictionary<string, List<double>> Crossings, List<double> FrameTimes) Crossings(string truthPath)
    {
        var crossings = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var times = new List<double>();
        foreach (var line in File.ReadLines(truthPath))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var time = double.NaN;
            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                time = root.TryGetProperty("time", out var t) ? t.GetDouble() : times.Count;
                if (root.TryGetProperty("crossings", out var list))
                {
                    foreach (var c in list.EnumerateArray())
                    {
                        var id = c.GetProperty("vehicle").GetString() ?? string.Empty;
                        (crossings.TryGetValue(id, out var at) ? at : crossings[id] = []).Add(time);
                    }
                }
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                // reported by the main pass
            }

            times.Add(time);
        }

        return (crossings, times);
    }

    // The twin paints far vehicles first: a box whose bottom edge is lower in the picture stands nearer the camera and
    // hides what it overlaps. Visibility is sampled on a 10 x 10 grid of points inside each box.
    private static List<GroundTruthBox> WithVisibility(List<GroundTruthBox> boxes, List<BoxF> all)
    {
        const int Grid = 10;
        var result = new List<GroundTruthBox>(boxes.Count);
        foreach (var t in boxes)
        {
            var b = t.Box;
            var nearer = all.Where(o => o.Bottom > b.Bottom + 0.5f && o.Right > b.Left && o.Left < b.Right && o.Bottom > b.Top && o.Top < b.Bottom).ToList();
            var hidden = 0;
            if (nearer.Count > 0)
            {
                for (var i = 0; i < Grid; i++)
                {
                    var y = b.Top + ((i + 0.5f) * b.Height / Grid);
                    for (var j = 0; j < Grid; j++)
                    {
                        var x = b.Left + ((j + 0.5f) * b.Width / Grid);
                        hidden += nearer.Any(o => x >= o.Left && x <= o.Right && y >= o.Top && y <= o.Bottom) ? 1 : 0;
                    }
                }
            }

            result.Add(t with { Visible = 1f - (hidden / (float)(Grid * Grid)) });
        }

        return result;
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
