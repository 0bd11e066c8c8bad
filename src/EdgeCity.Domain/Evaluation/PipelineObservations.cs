using EdgeCity.Domain.Measurements;

namespace EdgeCity.Domain.Evaluation;

/// <summary>
/// Records what the pipeline produced on a recording (counts, lane queues, per-vehicle speeds) on the recording's
/// clock: seconds since <see cref="Origin"/>, the capture time of the recording's first frame.
/// </summary>
public sealed class PipelineObservations(DateTimeOffset origin)
{
    private readonly List<ObservedCount> _counts = [];
    private readonly List<ObservedQueue> _queues = [];
    private readonly List<ObservedSpeed> _speeds = [];

    public DateTimeOffset Origin { get; } = origin;

    public IReadOnlyList<ObservedCount> Counts => _counts;

    public IReadOnlyList<ObservedQueue> Queues => _queues;

    public IReadOnlyList<ObservedSpeed> Speeds => _speeds;

    /// <summary>Seconds since the origin.</summary>
    public double TimeOf(DateTimeOffset at) => (at - Origin).TotalSeconds;

    public void Add(ObservedCount count) => _counts.Add(count);

    public void Add(ObservedQueue queue) => _queues.Add(queue);

    public void Add(ObservedSpeed speed) => _speeds.Add(speed);

    /// <summary>Takes the counts and the measured speeds of one analysed frame.</summary>
    public void Record(FrameAnalysis frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        foreach (var c in frame.Counts)
        {
            _counts.Add(new ObservedCount(TimeOf(c.At), c.LineId, c.Direction, c.ClassName) { TrackId = c.TrackId });
        }

        var t = TimeOf(frame.CapturedAt);
        foreach (var v in frame.Vehicles)
        {
            if (v.MeasuredSpeedMetersPerSecond is { } s)
            {
                _speeds.Add(new ObservedSpeed(t, v.Box, s));
            }
        }
    }

    /// <summary>Takes the lane queues of one round of measurements, at the time of the newest frame they cover.</summary>
    public void Record(IEnumerable<ApproachMeasurement> measurements, DateTimeOffset dataTime)
    {
        ArgumentNullException.ThrowIfNull(measurements);
        var t = TimeOf(dataTime);
        foreach (var m in measurements)
        {
            foreach (var lane in m.Lanes)
            {
                _queues.Add(new ObservedQueue(t, lane.Approach, lane.Lane, lane.QueueLengthMeters, lane.ReachMeters));
            }
        }
    }
}
