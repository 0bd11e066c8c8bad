namespace EdgeCity.Domain.Assessment;

/// <summary>
/// A track of <see cref="TelemetrySample"/>s (a drone's SRT subtitle track, a GPX file) and the pose of the camera at a
/// moment of the video: positions are interpolated between the two samples around it; a moment farther than
/// <see cref="MaxGapSeconds"/> from any sample has no pose (a track that stopped is not stretched over the gap).
/// </summary>
public sealed class TelemetryTrack
{
    /// <summary>The longest gap between samples bridged by interpolation, seconds.</summary>
    public const double MaxGapSeconds = 10.0;

    private readonly List<TelemetrySample> _byOffset;
    private readonly List<TelemetrySample> _byTime;

    public TelemetryTrack(string source, IEnumerable<TelemetrySample> samples)
    {
        Source = source;
        var all = samples.ToList();
        _byOffset = all.Where(s => s.VideoOffset is not null).OrderBy(s => s.VideoOffset).ToList();
        _byTime = all.Where(s => s.Time is not null).OrderBy(s => s.Time).ToList();
        Count = all.Count;
    }

    /// <summary>Where the track was read from (a file name), for messages.</summary>
    public string Source { get; }

    public int Count { get; }

    /// <summary>
    /// The pose at <paramref name="videoOffset"/> into the video (SRT tracks), else at wall-clock <paramref name="time"/>
    /// (GPX tracks), or null when the track does not cover that moment.
    /// </summary>
    public ImagePose? PoseAt(TimeSpan videoOffset, DateTimeOffset? time)
    {
        if (_byOffset.Count > 0)
        {
            return Interpolate(_byOffset, s => s.VideoOffset!.Value.TotalSeconds, videoOffset.TotalSeconds, time);
        }

        return time is { } t && _byTime.Count > 0
            ? Interpolate(_byTime, s => (s.Time!.Value - _byTime[0].Time!.Value).TotalSeconds, (t - _byTime[0].Time!.Value).TotalSeconds, t)
            : null;
    }

    private static ImagePose? Interpolate(List<TelemetrySample> samples, Func<TelemetrySample, double> clock, double at, DateTimeOffset? time)
    {
        var i = samples.FindIndex(s => clock(s) >= at);
        TelemetrySample a, b;
        if (i < 0)
        {
            a = b = samples[^1];
        }
        else if (i == 0)
        {
            a = b = samples[0];
        }
        else
        {
            (a, b) = (samples[i - 1], samples[i]);
        }

        var (ta, tb) = (clock(a), clock(b));
        if (Math.Min(Math.Abs(at - ta), Math.Abs(at - tb)) > MaxGapSeconds || (tb - ta) > 2 * MaxGapSeconds)
        {
            return null;
        }

        var k = tb > ta ? Math.Clamp((at - ta) / (tb - ta), 0, 1) : 0;
        static double Lerp(double x, double y, double k) => x + ((y - x) * k);
        static double? LerpN(double? x, double? y, double k) => x is { } p && y is { } q ? Lerp(p, q, k) : x ?? y;
        var position = new GeoPoint(Lerp(a.Position.Latitude, b.Position.Latitude, k), Lerp(a.Position.Longitude, b.Position.Longitude, k), LerpN(a.Position.AltitudeMeters, b.Position.AltitudeMeters, k));
        var when = a.Time is { } wa && b.Time is { } wb ? wa + ((wb - wa) * k) : time ?? a.Time;
        return new ImagePose(position, when, LerpN(a.HeightAboveGroundMeters, b.HeightAboveGroundMeters, k), k < 0.5 ? a.HeadingDegrees : b.HeadingDegrees,
            k < 0.5 ? a.PitchDegrees : b.PitchDegrees, ImagePose.FovFrom35mmFocalLength(a.FocalLength35mm ?? b.FocalLength35mm));
    }
}
