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
    private readonly double _upstreamSide;
    private readonly double _apronMeters;
    private readonly double _reachMeters;
    private readonly Homography _roadToImage;
    private readonly Point2 _stopMiddle;
    private readonly Point2 _upstream;
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

        (_upstreamSide, _apronMeters, _reachMeters) = Extent(zone, calibration, _stopA, _stopB, _options.MaxStopLineApronMeters);
        _roadToImage = calibration.Inverse();
        _stopMiddle = (_stopA + _stopB) * 0.5;
        var along = (_stopB - _stopA) * (1 / _stopA.DistanceTo(_stopB));
        var normal = new Point2(-along.Y, along.X);

        // The unit step up the lane: the normal on the zone's side of the stop line.
        _upstream = _stopA.Cross(_stopB, _stopMiddle + normal) * _upstreamSide > 0 ? normal : normal * -1;
    }

    public LaneZone Zone { get; }

    public bool Presence { get; private set; }

    public int Vehicles { get; private set; }

    public int StoppedVehicles { get; private set; }

    public double QueueLengthMeters { get; private set; }

    /// <summary>Vehicles in the zone in the latest frame.</summary>
    public IReadOnlyList<VehicleOnRoad> Inside { get; private set; } = [];

    /// <summary>
    /// Depth (metres) of the stretch between the stop line and the zone's nearest edge that also belongs to the lane:
    /// zones are often drawn a little short of the line, where the first queued vehicle stands.
    /// </summary>
    public double StopLineApronMeters => _apronMeters;

    /// <summary>How far upstream of the stop line the zone reaches (metres): beyond it the camera sees no queue.</summary>
    public double ReachMeters => _reachMeters;

    /// <summary>
    /// The queue ends within one queue gap of the zone's far end, where the next queued vehicle may stand out of view.
    /// </summary>
    public bool QueueBeyondView => QueueLengthMeters > 0 && QueueLengthMeters >= _reachMeters - _options.MaxQueueGapMeters;

    /// <summary>
    /// Whether a vehicle belongs to this lane: its anchor is inside the polygon, or on the road plane it stands on the
    /// apron, upstream of the stop line, within the line's width and closer to it than the zone's nearest edge.
    /// </summary>
    public bool Holds(VehicleOnRoad vehicle)
    {
        ArgumentNullException.ThrowIfNull(vehicle);
        return Zone.Contains(vehicle.ImageAnchor) || OnApron(vehicle.RoadPoint);
    }

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

        var inside = vehicles.Where(Holds).ToList();
        Inside = inside;
        Presence = inside.Count > 0;
        Vehicles = inside.Count;
        var stopped = inside.Where(IsStopped).ToList();
        StoppedVehicles = stopped.Count;
        QueueLengthMeters = Queue(stopped, vehicles);

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
            _headways.Count)
        {
            ReachMeters = double.IsFinite(_reachMeters) ? _reachMeters : null,
            QueueBeyondView = QueueBeyondView,
        };
        _observedSeconds = 0;
        _occupiedSeconds = 0;
        _headways.Clear();
        return state;
    }

    private bool OnApron(Point2 road)
    {
        if (_apronMeters <= 0 || !double.IsFinite(road.X) || !double.IsFinite(road.Y))
        {
            return false;
        }

        var length = _stopA.DistanceTo(_stopB);
        var signed = _stopA.Cross(_stopB, road) / length * _upstreamSide;
        if (signed < 0 || signed > _apronMeters)
        {
            return false;
        }

        var along = (((road.X - _stopA.X) * (_stopB.X - _stopA.X)) + ((road.Y - _stopA.Y) * (_stopB.Y - _stopA.Y))) / (length * length);
        return along is >= 0 and <= 1;
    }

    // Which side of the stop line is upstream (the side the zone lies on), how far its nearest point is from the line
    // (the apron, capped), and how far its farthest point is (the reach).
    private static (double Side, double Apron, double Reach) Extent(LaneZone zone, Homography calibration, Point2 a, Point2 b, double max)
    {
        var length = a.DistanceTo(b);
        var distances = zone.Polygon
            .Select(calibration.Project)
            .Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y))
            .Select(p => a.Cross(b, p) / length)
            .ToList();
        if (distances.Count == 0)
        {
            return (1, 0, double.PositiveInfinity); // no point on the road plane: reach unknown
        }

        // The zone's far end decides the side: its near edge may touch or even cross the line.
        var side = distances.MaxBy(Math.Abs) >= 0 ? 1.0 : -1.0;
        var nearest = distances.Select(d => d * side).Min();
        var farthest = distances.Select(d => d * side).Max();
        return (side, max <= 0 ? 0 : Math.Clamp(nearest, 0, max), farthest);
    }

    private bool IsStopped(VehicleOnRoad v) => v.SpeedMetersPerSecond is { } s && s < _options.StoppedSpeedMetersPerSecond;

    /// <summary>
    /// Walks the stopped vehicles from the stop line back: each must stand within the gap of the one ahead (the
    /// first within the gap of the stop line), unless the road between them is out of sight behind nearer vehicles
    /// (a camera facing a queue sees the cars behind a bus or truck only in part, and misses some: a gap nobody could
    /// see is no evidence the queue ends). The queue ends at the rear of the last one.
    /// </summary>
    private double Queue(List<VehicleOnRoad> stopped, IReadOnlyList<VehicleOnRoad> all)
    {
        var end = 0.0;
        foreach (var v in stopped.OrderBy(v => DistanceFromStopLine(v.RoadPoint)))
        {
            var d = DistanceFromStopLine(v.RoadPoint);
            if (d - end > _options.MaxQueueGapMeters && (end <= 0 || !GapHidden(end, d, all)))
            {
                break;
            }

            var rear = _options.AnchorIsVehicleFront ? d + _options.LengthOf(v.ClassName) : d;
            end = Math.Max(end, rear);
        }

        return end;
    }

    // True when no stretch of the lane between the two distances longer than the queue gap is in view: every point of
    // the lane's centre line there falls inside the box of a stopped vehicle (in any lane) nearer the camera. Only
    // stopped ones: behind a moving vehicle the road may well be empty.
    private bool GapHidden(double from, double to, IReadOnlyList<VehicleOnRoad> all)
    {
        const double step = 1.0;
        var visibleRun = 0.0;
        for (var s = from + step; s < to; s += step)
        {
            var image = _roadToImage.Project(_stopMiddle + (_upstream * s));
            var hidden = double.IsFinite(image.X) && double.IsFinite(image.Y)
                && all.Any(v => IsStopped(v) && v.Box.Hides(image, 1));
            visibleRun = hidden ? 0 : visibleRun + step;
            if (visibleRun > _options.MaxQueueGapMeters)
            {
                return false;
            }
        }

        return true;
    }
}
