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

    /// <summary>Longest track history a reported speed's least-squares fit may use (see <see cref="SpeedEstimator"/>).</summary>
    public TimeSpan SpeedWindow { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Shortest: a track's reported speed needs samples spanning this long (see <see cref="SpeedEstimator.MinSpan"/>).</summary>
    public TimeSpan SpeedMinSpan { get; init; } = TimeSpan.FromSeconds(0.3);

    /// <summary>
    /// A reported speed (the approach's mean speed, <see cref="Zones.VehicleOnRoad.MeasuredSpeedMetersPerSecond"/>) is
    /// given once its fit's standard error is at most this (m/s) or <see cref="SpeedMaxRelativeError"/> of it.
    /// </summary>
    public double SpeedMaxStandardError { get; init; } = 0.2;

    /// <summary>See <see cref="SpeedMaxStandardError"/>: 2 % keeps a fast vehicle's fit short.</summary>
    public double SpeedMaxRelativeError { get; init; } = 0.02;

    /// <summary>
    /// The motion estimate that decides stopped or moving and arrival times is a plain least-squares fit over the
    /// newest this-much of each track. It answers soon for every vehicle, far ones included, and the signal controllers
    /// need that more than precision: with precision-gated fits of up to 3 s (0.3 m/s) the demo's closed loop through
    /// the cameras rose from 26.9 to 30.2 s mean delay (seed 1), because far arrivals went without a speed, and so
    /// without an arrival time, for longer.
    /// </summary>
    public TimeSpan MotionSpan { get; init; } = TimeSpan.FromSeconds(0.5);

    /// <summary>
    /// Slowest speed an arrival estimate assumes for a moving vehicle (m/s): a slow one is accelerating. A third of
    /// 50 km/h, as the detector path assumes a third of the lane's limit.
    /// </summary>
    public double ArrivalFloorMetersPerSecond { get; init; } = 50 / 3.6 / 3;
}
