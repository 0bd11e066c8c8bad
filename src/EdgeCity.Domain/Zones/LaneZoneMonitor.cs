using EdgeCity.Domain.Calibration;
using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Zones;

/// <summary>
/// Watches one lane zone frame by frame: presence (for actuation), vehicles and stopped vehicles in it, the queue
/// from the stop line back on the road plane, time-weighted occupancy and entry headways per reporting interval.
/// </summary>
public sealed class LaneZoneMonitor
{
    // A gap longer than this between frames is a stalled camera, not time during which the zone was observed.
    private static readonly TimeSpan MaxFrameGap = TimeSpan.FromSeconds(2);

    private readonly ZoneOptions _options;
    private readonly Point2 _stopA;
    private readonly Point2 _stopB;
    private readonly HashSet<long> _entered = [];
    private readonly List<double> _headways = [];
    private DateTimeOffset? _lastFrameAt;
    private DateTimeOffset? _lastEntryAt;
    private double _observedSeconds;
    private double _occupiedSeconds;

    public LaneZoneMonitor(LaneZone zone, Homography calibration, ZoneOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(calibration);
        zone.Validate();
        Zone = zone;
        _options = options ?? new ZoneOptions();
        _stopA = calibration.Project(zone.StopLineStart);
        _stopB = calibration.Project(zone.StopLineEnd);
        if (!double.IsFinite(_stopA.X) || !double.IsFinite(_stopB.X) || _stopA.DistanceTo(_stopB) < 1e-6)
        {
            throw new ArgumentException($"Lane zone '{zone.Id}': its stop line does not project onto the road plane.");
        }
    }

    public LaneZone Zone { get; }

    public bool Presence { get; private set; }

    public int Vehicles { get; private set; }

    public int StoppedVehicles { get; private set; }

    public double QueueLengthMeters { get; private set; }

    /// <summary>Vehicles in the zone in the latest frame.</summary>
    public IReadOnlyList<VehicleOnRoad> Inside { get; private set; } = [];

    /// <summary>Distance of a road point from the stop line (metres, perpendicular).</summary>
    public double DistanceFromStopLine(Point2 road) => Math.Abs(_stopA.Cross(_stopB, road)) / _stopA.DistanceTo(_stopB);

    /// <summary>Feeds the vehicles of one frame (all of the camera's; the zone picks its own).</summary>
    public void Observe(DateTimeOffset at, IReadOnlyList<VehicleOnRoad> vehicles)
    {
        ArgumentNullException.ThrowIfNull(vehicles);
        if (_lastFrameAt is { } last && at > last && at - last <= MaxFrameGap)
        {
            var dt = (at - last).TotalSeconds;
            _observedSeconds += dt;
            if (Presence)
            {
                _occupiedSeconds += dt;
            }
        }

        if (_lastFrameAt is null || at > _lastFrameAt)
        {
            _lastFrameAt = at;
        }

        var inside = vehicles.Where(v => Zone.Contains(v.ImageAnchor)).ToList();
        Inside = inside;
        Presence = inside.Count > 0;
        Vehicles = inside.Count;
        var stopped = inside.Where(IsStopped).ToList();
        StoppedVehicles = stopped.Count;
        QueueLengthMeters = Queue(stopped);

        foreach (var v in inside.Where(v => _entered.Add(v.TrackId)).OrderBy(v => v.TrackId))
        {
            if (_lastEntryAt is { } previous && at > previous)
            {
                _headways.Add((at - previous).TotalSeconds);
            }

            _lastEntryAt = at;
        }
    }

    /// <summary>Frees what the zone remembers about a track the tracker removed.</summary>
    public void Forget(long trackId) => _entered.Remove(trackId);

    /// <summary>The zone's state over the interval since the previous call; starts a new interval.</summary>
    public LaneState TakeInterval()
    {
        var state = new LaneState(
            Zone.Id,
            Zone.Approach,
            Zone.Lane,
            Presence,
            Vehicles,
            StoppedVehicles,
            QueueLengthMeters,
            _observedSeconds > 0 ? _occupiedSeconds / _observedSeconds : null,
            _headways.Count > 0 ? _headways.Average() : null,
            _headways.Count);
        _observedSeconds = 0;
        _occupiedSeconds = 0;
        _headways.Clear();
        return state;
    }

    private bool IsStopped(VehicleOnRoad v) => v.SpeedMetersPerSecond is { } s && s < _options.StoppedSpeedMetersPerSecond;

    /// <summary>
    /// Walks the stopped vehicles from the stop line back: each must stand within the gap of the one ahead (the
    /// first within the gap of the stop line); the queue ends at the rear of the last one.
    /// </summary>
    private double Queue(List<VehicleOnRoad> stopped)
    {
        var end = 0.0;
        foreach (var v in stopped.OrderBy(v => DistanceFromStopLine(v.RoadPoint)))
        {
            var d = DistanceFromStopLine(v.RoadPoint);
            if (d - end > _options.MaxQueueGapMeters)
            {
                break;
            }

            var rear = _options.AnchorIsVehicleFront ? d + _options.LengthOf(v.ClassName) : d;
            end = Math.Max(end, rear);
        }

        return end;
    }
}
