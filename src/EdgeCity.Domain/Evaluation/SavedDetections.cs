using System.Globalization;
using System.Text.Json;
using EdgeCity.Domain.Detection;
using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Evaluation;

/// <summary>
/// A recording's detections kept on disk, one JSON line per frame, so the analytics (tracker thresholds, lines, zones,
/// queue and speed rules) can be re-measured against the truth many times for one pass of the model over the video.
/// A line: <c>{"frame":0,"time":900.1,"width":640,"height":360,"boxes":[[l,t,r,b,classId,"car",score],…]}</c>.
/// </summary>
public static class SavedDetections
{
    public static void Write(TextWriter writer, FrameDetections frame, double time)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(frame);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("frame", frame.FrameNumber);
            json.WriteNumber("time", time);
            json.WriteNumber("width", frame.FrameWidth);
            json.WriteNumber("height", frame.FrameHeight);
            json.WriteStartArray("boxes");
            foreach (var d in frame.Detections)
            {
                json.WriteStartArray();
                // Floats written shortest-round-trip: a replay sees exactly the boxes the model gave.
                json.WriteNumberValue(d.Box.Left);
                json.WriteNumberValue(d.Box.Top);
                json.WriteNumberValue(d.Box.Right);
                json.WriteNumberValue(d.Box.Bottom);
                json.WriteNumberValue(d.ClassId);
                json.WriteStringValue(d.ClassName);
                json.WriteNumberValue(d.Score);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        writer.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>
    /// Reads a file written by <see cref="Write"/>. Throws <see cref="TruthFormatException"/> naming the file and line
    /// when a line is not one frame's detections.
    /// </summary>
    public static IReadOnlyList<(double Time, IReadOnlyList<Detection.Detection> Boxes)> Read(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var frames = new List<(double, IReadOnlyList<Detection.Detection>)>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                var boxes = new List<Detection.Detection>();
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("time", out var time) || !root.TryGetProperty("boxes", out var saved))
                {
                    throw new FormatException("expected an object with \"time\" and \"boxes\"");
                }

                foreach (var b in saved.EnumerateArray())
                {
                    if (b.GetArrayLength() != 7)
                    {
                        throw new FormatException($"a box has {b.GetArrayLength()} values, expected 7 (l, t, r, b, classId, class, score)");
                    }

                    var box = new BoxF(b[0].GetSingle(), b[1].GetSingle(), b[2].GetSingle(), b[3].GetSingle());
                    boxes.Add(new Detection.Detection(box, b[4].GetInt32(), b[5].GetString() ?? string.Empty, b[6].GetSingle()));
                }

                frames.Add((time.GetDouble(), boxes));
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
            {
                throw new TruthFormatException(string.Create(CultureInfo.InvariantCulture, $"{source}:{number}: not a frame of saved detections: {e.Message}"));
            }
        }

        return frames;
    }
}
