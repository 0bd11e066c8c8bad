using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Measurements;

/// <summary>
/// Road-plane speed per track from the frames' capture timestamps: a least-squares line through the track's road
/// positions over the last <see cref="Window"/>, so an irregular or dropped frame changes nothing for a vehicle at
/// constant speed, and no frame rate is ever assumed. No speed is given until the samples span
/// <see cref="MinSpan"/>: a box's bottom edge jitters by a pixel or two, a metre or more on the road far from the
/// camera, and over 0.1 s that is 10 m/s of error; over 0.5 s and five or more samples it averages out.
/// </summary>
public sealed class SpeedEstimator(TimeSpan window, TimeSpan minSpan, int maxSamplesPerTrack = 64)
{
    private readonly Dictionary<long, Queue<(DateTimeOffset At, Point2 Road)>> _samples = [];

    public SpeedEstimator()
        : this(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(0.5))
    {
    }

    public TimeSpan Window { get; } = window;

    /// <summary>The shortest time the samples must span before a speed is given (at least 50 ms).</summary>
    public TimeSpan MinSpan { get; } = minSpan < TimeSpan.FromMilliseconds(50) ? TimeSpan.FromMilliseconds(50) : minSpan;

    public int Tracks => _samples.Count;

    /// <summary>Adds a position; returns the speed in m/s once the samples in the window span <see cref="MinSpan"/>.</summary>
    public double? Observe(long trackId, DateTimeOffset at, Point2 road)
    {
        if (!double.IsFinite(road.X) || !double.IsFinite(road.Y))
        {
            return null;
        }

        if (!_samples.TryGetValue(trackId, out var q))
        {
            q = new Queue<(DateTimeOffset, Point2)>();
            _samples[trackId] = q;
        }

        if (q.Count > 0 && at <= q.Last().At)
        {
            return Estimate(q);
        }

        q.Enqueue((at, road));
        while (q.Count > maxSamplesPerTrack || (q.Count > 2 && at - q.Peek().At > Window))
        {
            q.Dequeue();
        }

        return Estimate(q);
    }

    public void Forget(long trackId) => _samples.Remove(trackId);

    private double? Estimate(Queue<(DateTimeOffset At, Point2 Road)> q)
    {
        if (q.Count < 2)
        {
            return null;
        }

        var t0 = q.Peek().At;
        double n = q.Count, st = 0, sx = 0, sy = 0;
        foreach (var (at, p) in q)
        {
            st += (at - t0).TotalSeconds;
            sx += p.X;
            sy += p.Y;
        }

        double mt = st / n, mx = sx / n, my = sy / n, stt = 0, stx = 0, sty = 0;
        foreach (var (at, p) in q)
        {
            var dt = (at - t0).TotalSeconds - mt;
            stt += dt * dt;
            stx += dt * (p.X - mx);
            sty += dt * (p.Y - my);
        }

        if (q.Last().At - t0 < MinSpan || stt <= 0)
        {
            return null;
        }

        var vx = stx / stt;
        var vy = sty / stt;
        return Math.Sqrt((vx * vx) + (vy * vy));
    }
}
