namespace EdgeCity.Domain.Measurements;

/// <summary>Reporting interval, flow windows and staleness of <see cref="ApproachMeasurement"/>s.</summary>
public sealed record MeasurementOptions
{
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Raw flow counts the vehicles of this sliding window (or of the time since start when shorter).</summary>
    public TimeSpan FlowWindow { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Time constant of the exponential smoothing of flow.</summary>
    public TimeSpan FlowSmoothing { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>With no frame for this long the camera is reported down even without a down message.</summary>
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Window of the least-squares speed fit.</summary>
    public TimeSpan SpeedWindow { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A track's speed is given once its samples span this long (see <see cref="SpeedEstimator.MinSpan"/>).</summary>
    public TimeSpan SpeedMinSpan { get; init; } = TimeSpan.FromSeconds(0.5);

    /// <summary>
    /// Slowest speed an arrival estimate assumes for a moving vehicle (m/s): a slow one is accelerating. A third of
    /// 50 km/h, as the detector path assumes a third of the lane's limit.
    /// </summary>
    public double ArrivalFloorMetersPerSecond { get; init; } = 50 / 3.6 / 3;
}
