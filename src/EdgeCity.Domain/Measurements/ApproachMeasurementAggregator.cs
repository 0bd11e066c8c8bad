using EdgeCity.Domain.Counting;
using EdgeCity.Domain.Zones;

namespace EdgeCity.Domain.Measurements;

/// <summary>
/// Collects one camera's counts, speeds and lane states between reports and turns them into one
/// <see cref="ApproachMeasurement"/> per approach each time <see cref="Emit"/> is called, on the clock of its
/// <see cref="TimeProvider"/> (intervals, flow and data age all come from it, so tests control time).
/// </summary>
public sealed class ApproachMeasurementAggregator
{
    private readonly TimeProvider _time;
    private readonly MeasurementOptions _options;
    private readonly SortedDictionary<string, ApproachAccumulator> _approaches = new(StringComparer.Ordinal);
    private readonly DateTimeOffset _startedAt;
    private DateTimeOffset _lastEmit;
    private DateTimeOffset? _newestFrame;
    private string? _downReason;

    public ApproachMeasurementAggregator(TimeProvider time, string intersectionId, string cameraId, IEnumerable<string> approaches, MeasurementOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        IntersectionId = intersectionId;
        CameraId = cameraId;
        _options = options ?? new MeasurementOptions();
        _startedAt = _lastEmit = time.GetUtcNow();
        SetApproaches(approaches);
    }

    public string IntersectionId { get; }

    public string CameraId { get; }

    public IReadOnlyCollection<string> Approaches => _approaches.Keys;

    /// <summary>Makes sure these approaches are reported (new ones start empty; existing ones keep their flow history).</summary>
    public void SetApproaches(IEnumerable<string> approaches)
    {
        var wanted = approaches.Where(a => !string.IsNullOrWhiteSpace(a)).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in _approaches.Keys.Where(k => !wanted.Contains(k)).ToList())
        {
            _approaches.Remove(gone);
        }

        foreach (var a in wanted.Where(a => !_approaches.ContainsKey(a)))
        {
            _approaches[a] = new ApproachAccumulator(new FlowMeter(_options.FlowWindow, _options.FlowSmoothing));
        }
    }

    public void FrameSeen(DateTimeOffset capturedAt)
    {
        if (_newestFrame is null || capturedAt > _newestFrame)
        {
            _newestFrame = capturedAt;
        }
    }

    /// <summary>Adds a counted vehicle; <paramref name="flow"/> says whether its line makes the approach's flow.</summary>
    public void Add(CountEvent count, bool flow)
    {
        if (_approaches.TryGetValue(count.Approach, out var acc))
        {
            acc.Add(count, flow);
        }
    }

    /// <summary>Records the latest speed of a vehicle on an approach during the current interval.</summary>
    public void AddSpeed(string approach, long trackId, double metersPerSecond)
    {
        if (_approaches.TryGetValue(approach, out var acc) && double.IsFinite(metersPerSecond))
        {
            acc.Speeds[trackId] = metersPerSecond;
        }
    }

    public void MarkCameraDown(string reason) => _downReason = string.IsNullOrWhiteSpace(reason) ? "camera down" : reason;

    public void MarkCameraUp() => _downReason = null;

    /// <summary>Closes the interval now and returns one measurement per approach, in approach order.</summary>
    public IReadOnlyList<ApproachMeasurement> Emit(IReadOnlyList<LaneState> lanes)
    {
        ArgumentNullException.ThrowIfNull(lanes);
        var now = _time.GetUtcNow();
        var interval = now - _lastEmit;
        _lastEmit = now;
        TimeSpan? age = _newestFrame is { } newest ? now - newest : null;
        var staleFor = now - (_newestFrame ?? _startedAt);
        var down = _downReason is not null || staleFor > _options.StaleAfter;
        var reason = _downReason ?? (down ? (_newestFrame is null ? "no frame received yet" : $"no frame for {staleFor.TotalSeconds:0.#} s") : null);

        var result = new List<ApproachMeasurement>(_approaches.Count);
        foreach (var (approach, acc) in _approaches)
        {
            var mine = lanes.Where(l => l.Approach == approach).ToList();
            var occupancies = mine.Where(l => l.Occupancy is not null).Select(l => l.Occupancy!.Value).ToList();
            acc.Flow.Add(interval, acc.FlowCount);
            result.Add(new ApproachMeasurement(
                IntersectionId,
                approach,
                CameraId,
                now,
                interval,
                acc.FlowCount,
                acc.Counts.Select(kv => new LineClassCount(kv.Key.Line, kv.Key.Direction, kv.Key.Class, kv.Value)).ToList(),
                acc.Flow.RawVehiclesPerHour,
                acc.Flow.SmoothedVehiclesPerHour,
                mine.Count > 0 ? mine.Max(l => l.QueueLengthMeters) : 0,
                occupancies.Count > 0 ? occupancies.Average() : null,
                mine,
                acc.Speeds.Count > 0 ? acc.Speeds.Values.Average() : null,
                age,
                down,
                reason));
            acc.Reset();
        }

        return result;
    }

    /// <summary>What one approach gathered during the current interval.</summary>
    private sealed class ApproachAccumulator(FlowMeter flow)
    {
        public FlowMeter Flow { get; } = flow;

        public int FlowCount { get; private set; }

        public SortedDictionary<(string Line, CrossingDirection Direction, string Class), int> Counts { get; } = [];

        public Dictionary<long, double> Speeds { get; } = [];

        public void Add(CountEvent e, bool flow)
        {
            var key = (e.LineId, e.Direction, e.ClassName);
            Counts[key] = Counts.GetValueOrDefault(key) + 1;
            if (flow)
            {
                FlowCount++;
            }
        }

        public void Reset()
        {
            FlowCount = 0;
            Counts.Clear();
            Speeds.Clear();
        }
    }
}
