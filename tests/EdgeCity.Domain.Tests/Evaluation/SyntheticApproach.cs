using EdgeCity.Domain.Evaluation;

namespace EdgeCity.Domain.Tests.Evaluation;

/// <summary>
/// A tiny stand-in for the camera twin: one lane of the north approach seen head-on at 10 px per metre (stop line at
/// image row 600), cars arriving every <c>headway</c> seconds at 10 m/s, a red light during which they queue 7 m
/// apart, frames 70–130 ms apart. It writes exactly the ground-truth records the twin is to write.
/// </summary>
internal static class SyntheticApproach
{
    public const double Speed = 10;
    private const double EntryMetres = 45;
    private const double CarLength = 4.5;
    private const double QueueSpacing = 7;

    public static List<TruthFrame> Run(double seconds, double headway, double redFrom, double redUntil, int seed)
    {
        var rng = new Random(seed);
        var frames = new List<TruthFrame>();
        var position = new Dictionary<int, double>();   // metres behind the stop line (negative: past it)
        var t = 0.0;
        var dt = 0.0;
        long n = 0;
        while (t <= seconds)
        {
            var red = t >= redFrom && t < redUntil;
            var speeds = new Dictionary<int, double>();
            var crossings = new List<TruthCrossing>();
            for (var id = 0; id * headway <= t; id++)
            {
                if (!position.ContainsKey(id))
                {
                    position[id] = EntryMetres - (Speed * (t - (id * headway)));
                    speeds[id] = Speed;
                    continue;
                }

                var before = position[id];
                var after = before - (Speed * dt);
                if (red && before >= 0)
                {
                    // Stop behind the line, or behind the car ahead when it is queued.
                    var ahead = position.Where(kv => kv.Key < id && kv.Value >= 0).Select(kv => kv.Value).DefaultIfEmpty(double.NaN).Max();
                    var stopAt = double.IsNaN(ahead) ? 1.0 : ahead + QueueSpacing;
                    after = Math.Max(after, stopAt);
                }

                position[id] = after;
                speeds[id] = dt > 0 ? (before - after) / dt : Speed;
                if (before >= 0 && after < 0)
                {
                    crossings.Add(new TruthCrossing { Line = "n-stop", Vehicle = $"car{id}", Direction = "forward", Class = "car" });
                }
            }

            var vehicles = position
                .Where(kv => kv.Value is > -11 and < 44)
                .Select(kv => new TruthVehicle
                {
                    Id = $"car{kv.Key}",
                    Box = [295, 600 - (10 * kv.Value) - 40, 345, 600 - (10 * kv.Value)],
                    Class = "car",
                    Lane = "n0",
                    Approach = "north",
                    Speed = speeds.GetValueOrDefault(kv.Key),
                })
                .ToList();

            frames.Add(new TruthFrame
            {
                Frame = n++,
                Time = Math.Round(t, 4),
                Vehicles = vehicles,
                Crossings = crossings,
                Queues = [new TruthQueue { Approach = "north", Lane = "n0", Meters = Queue(position, speeds) }],
            });
            dt = 0.07 + (rng.NextDouble() * 0.06);
            t = Math.Round(t + dt, 4);
            dt = t - frames[^1].Time;
        }

        return frames;
    }

    private static double Queue(Dictionary<int, double> position, Dictionary<int, double> speeds)
    {
        var end = 0.0;
        foreach (var (id, d) in position.Where(kv => kv.Value >= 0 && speeds.GetValueOrDefault(kv.Key) < 1.39).OrderBy(kv => kv.Value))
        {
            if (d - end > 10)
            {
                break;
            }

            end = d + CarLength;
        }

        return end;
    }
}
