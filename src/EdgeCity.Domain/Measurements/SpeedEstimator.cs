using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Measurements;

/// <summary>
/// Road-plane speed per track from the frames' capture timestamps: least-squares lines through the track's newest road
/// positions, so an irregular or dropped frame changes nothing for a vehicle at constant speed, and no frame rate is
/// ever assumed. No speed is given before the samples span <see cref="MinSpan"/>.
/// <para>
/// Without an error bound (the motion estimate that decides stopped or moving and arrival times) the speed is the
/// fit over the newest <see cref="MinSpan"/> of the track: quick for every vehicle, far ones included.
/// </para>
/// <para>
/// With one (the speeds a camera reports), how far back the fit reaches adapts to how well the track is seen. A box's
/// bottom edge jitters by a pixel or two, a few centimetres of road near the camera and a metre or more far from it;
/// over 0.1 s a metre is 10 m/s of error. Every window from <see cref="MinSpan"/> to <see cref="Window"/> is fitted,
/// with the slope's standard error from the fit's own residuals. A fit's slope is the speed at its centroid, so a
/// braking vehicle's long fit reads the speed it had a second ago: the fit whose noise and lag together are smallest
/// wins, and its speed is given when its standard error is within <see cref="MaxStandardError"/> or
/// <see cref="MaxRelativeError"/> of it. A track no window makes precise enough gets no speed rather than a wrong one.
/// </para>
/// </summary>
public sealed class SpeedEstimator(
    TimeSpan window,
    TimeSpan minSpan,
    double maxStandardError = double.PositiveInfinity,
    double maxRelativeError = 0,
    int maxSamplesPerTrack = 128)
{
    // Residuals say nothing about precision with fewer samples than this.
    private const int MinSamplesForPrecision = 5;

    private readonly Dictionary<long, Queue<(DateTimeOffset At, Point2 Road)>> _samples = [];
    private (double T, double X, double Y)[] _scratch = new (double, double, double)[16];
    private readonly List<(double Age, double Speed, double Error)> _fits = [];

    public SpeedEstimator()
        : this(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(0.3), 0.2, 0.02)
    {
    }

    /// <summary>The longest stretch of a track's history a fit may use.</summary>
    public TimeSpan Window { get; } = window;

    /// <summary>The shortest time the samples must span before a speed is given (at least 50 ms).</summary>
    public TimeSpan MinSpan { get; } = minSpan < TimeSpan.FromMilliseconds(50) ? TimeSpan.FromMilliseconds(50) : minSpan;

    /// <summary>A speed is given once its standard error is at most this (m/s; infinite: no bound) ...</summary>
    public double MaxStandardError { get; } = maxStandardError > 0 ? maxStandardError : throw new ArgumentOutOfRangeException(nameof(maxStandardError), maxStandardError, "must be > 0 m/s");

    /// <summary>... or at most this share of the speed, whichever is larger.</summary>
    public double MaxRelativeError { get; } = maxRelativeError >= 0 ? maxRelativeError : throw new ArgumentOutOfRangeException(nameof(maxRelativeError), maxRelativeError, "must be ≥ 0");

    public int Tracks => _samples.Count;

    /// <summary>Adds a position; returns the speed in m/s once a fit over the track's newest samples is precise enough.</summary>
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

        if (_scratch.Length < q.Count)
        {
            _scratch = new (double, double, double)[q.Count * 2];
        }

        // Times and positions relative to the newest sample keep the sums well conditioned.
        var (newestAt, newest) = q.Last();
        var n = 0;
        foreach (var (at, p) in q)
        {
            _scratch[n++] = ((at - newestAt).TotalSeconds, p.X - newest.X, p.Y - newest.Y);
        }

        var minSpan = MinSpan.TotalSeconds;
        _fits.Clear();
        double s0 = 0, st = 0, stt = 0, sx = 0, sy = 0, stx = 0, sty = 0, sxx = 0, syy = 0;
        for (var i = n - 1; i >= 0; i--)
        {
            var (t, x, y) = _scratch[i];
            s0++;
            st += t;
            stt += t * t;
            sx += x;
            sy += y;
            stx += t * x;
            sty += t * y;
            sxx += x * x;
            syy += y * y;
            if (-t < minSpan - 1e-9)
            {
                continue;
            }

            var ctt = stt - (st * st / s0);
            if (ctt <= 0)
            {
                continue;
            }

            var vx = (stx - (st * sx / s0)) / ctt;
            var vy = (sty - (st * sy / s0)) / ctt;
            var speed = Math.Sqrt((vx * vx) + (vy * vy));
            if (double.IsPositiveInfinity(MaxStandardError))
            {
                return speed;
            }

            if (s0 < MinSamplesForPrecision)
            {
                continue;
            }

            // Residual variance per axis about the fitted lines, then the slopes' standard error.
            var rx = Math.Max(0, sxx - (sx * sx / s0) - (vx * vx * ctt));
            var ry = Math.Max(0, syy - (sy * sy / s0) - (vy * vy * ctt));
            _fits.Add((-st / s0, speed, Math.Sqrt((rx + ry) / (s0 - 2) / ctt)));
        }

        if (_fits.Count == 0)
        {
            return null;
        }

        // A fit's slope is the speed at its centroid, Age seconds ago: a braking or accelerating vehicle has changed
        // speed since. The change per second, from the shortest and the longest fit, counts only when it stands out
        // of their noise; each fit's error is then its noise and its lag together, and the smallest wins.
        var (ageShort, speedShort, errorShort) = _fits[0];
        var (ageLong, speedLong, errorLong) = _fits[^1];
        var change = speedShort - speedLong;
        var acceleration = _fits.Count > 1 && Math.Abs(change) > 2 * Math.Sqrt((errorShort * errorShort) + (errorLong * errorLong))
            ? change / (ageLong - ageShort)
            : 0;
        var best = double.PositiveInfinity;
        var bestSpeed = 0.0;
        var bestError = 0.0;
        foreach (var (age, speed, error) in _fits)
        {
            var lag = acceleration * age;
            var total = Math.Sqrt((error * error) + (lag * lag));
            if (total < best)
            {
                best = total;
                bestSpeed = speed;
                bestError = error;
            }
        }

        return bestError <= Math.Max(MaxStandardError, MaxRelativeError * bestSpeed) ? bestSpeed : null;
    }
}
