using System.Text.Json;
using System.Text.Json.Serialization;
using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Evaluation;

/// <summary>Reads and checks a ground-truth JSON-lines file (<see cref="TruthFrame"/> per line).</summary>
public static class TruthReader
{
    private static readonly JsonSerializerOptions Json = new()
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = false,
    };

    /// <summary>Reads every frame; throws <see cref="TruthFormatException"/> naming source, line and field.</summary>
    public static IReadOnlyList<TruthFrame> Read(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var frames = new List<TruthFrame>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            TruthFrame? frame;
            try
            {
                frame = JsonSerializer.Deserialize<TruthFrame>(line, Json);
            }
            catch (JsonException e)
            {
                throw new TruthFormatException($"{source}:{lineNumber}: {e.Path ?? "$"}: {e.Message}", e);
            }

            if (frame is null)
            {
                throw new TruthFormatException($"{source}:{lineNumber}: expected a frame object, got null");
            }

            Check(frame, frames.Count > 0 ? frames[^1] : null, $"{source}:{lineNumber}");
            frames.Add(frame);
        }

        return frames;
    }

    /// <summary>
    /// Whether a truth has one line per frame from frame 0 (as the camera twin writes, its times the recording's clock)
    /// rather than only the frames with crossings or boxes (hand counts, placed on the video's clock).
    /// </summary>
    public static bool IsDense(IReadOnlyList<TruthFrame> truth)
    {
        ArgumentNullException.ThrowIfNull(truth);
        return truth.Count > 0 && truth.Select((f, i) => f.Frame == i).All(x => x);
    }

    /// <summary>The box of a truth vehicle as a <see cref="BoxF"/>.</summary>
    public static BoxF BoxOf(TruthVehicle v) => new((float)v.Box[0], (float)v.Box[1], (float)v.Box[2], (float)v.Box[3]);

    private static void Check(TruthFrame f, TruthFrame? previous, string where)
    {
        if (!double.IsFinite(f.Time) || f.Time < 0)
        {
            throw new TruthFormatException($"{where}: $.time must be a finite number of seconds ≥ 0, got {f.Time}");
        }

        if (previous is not null && f.Time < previous.Time)
        {
            throw new TruthFormatException($"{where}: $.time {f.Time} goes back in time (previous frame: {previous.Time})");
        }

        for (var i = 0; i < f.Vehicles.Count; i++)
        {
            var v = f.Vehicles[i];
            if (string.IsNullOrEmpty(v.Id))
            {
                throw new TruthFormatException($"{where}: $.vehicles[{i}].id is missing");
            }

            if (v.Box is not { Length: 4 } b || b.Any(x => !double.IsFinite(x)) || b[2] <= b[0] || b[3] <= b[1])
            {
                throw new TruthFormatException($"{where}: $.vehicles[{i}].box must be [x1, y1, x2, y2] with x2 > x1 and y2 > y1");
            }

            if (v.Speed is { } s && (!double.IsFinite(s) || s < 0))
            {
                throw new TruthFormatException($"{where}: $.vehicles[{i}].speed must be ≥ 0 m/s, got {s}");
            }
        }

        for (var i = 0; i < f.Crossings.Count; i++)
        {
            var c = f.Crossings[i];
            if (string.IsNullOrEmpty(c.Line) || string.IsNullOrEmpty(c.Vehicle))
            {
                throw new TruthFormatException($"{where}: $.crossings[{i}] needs line and vehicle");
            }

            if (c.Direction is not ("forward" or "backward"))
            {
                throw new TruthFormatException($"{where}: $.crossings[{i}].direction must be \"forward\" or \"backward\", got \"{c.Direction}\"");
            }
        }

        for (var i = 0; i < f.Queues.Count; i++)
        {
            if (!double.IsFinite(f.Queues[i].Meters) || f.Queues[i].Meters < 0)
            {
                throw new TruthFormatException($"{where}: $.queues[{i}].meters must be ≥ 0, got {f.Queues[i].Meters}");
            }
        }
    }
}
