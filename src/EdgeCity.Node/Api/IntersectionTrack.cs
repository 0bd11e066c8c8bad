using EdgeCity.Actors.Signals;
using Measurement = EdgeCity.Domain.Measurements.ApproachMeasurement;

namespace EdgeCity.Node.Api;

/// <summary>One intersection's state and bounded history inside <see cref="OperatorView"/> (not thread-safe: the view locks).</summary>
internal sealed class IntersectionTrack(string id, string? name, string controller, IReadOnlyList<string> approaches)
{
    /// <summary>Road length one queued vehicle takes (car plus gap).</summary>
    private const double VehicleSpacingMetres = 7.5;

    private readonly List<PhaseSegment> _timeline = [];
    private readonly LinkedList<AuditEntry> _audit = new();
    private readonly Dictionary<string, ApproachTrack> _approaches = approaches.ToDictionary(a => a, a => new ApproachTrack(a), StringComparer.Ordinal);

    public string Id { get; } = id;

    public string Controller { get; set; } = controller;

    /// <summary>Phase names by id from the intersection's signal model (empty when this node does not know the model).</summary>
    public IReadOnlyDictionary<string, string> PhaseNames { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string> StaleMovements { get; set; } = [];

    /// <summary>True once this node's own coordinator reported: cluster copies of the same intersection are then ignored.</summary>
    public bool Local { get; private set; }

    /// <summary>True once a signal state arrived (from the coordinator's events, its status, or the cluster).</summary>
    public bool HasSignal => Now is not null;

    private SignalNow? Now { get; set; }

    public void Signal(DateTimeOffset at, string phase, bool transition, IReadOnlyDictionary<string, string> indications, string fallback, string reason, bool local)
    {
        Local |= local;
        Now = new SignalNow(at, phase, transition, indications, fallback, reason);
        if (_timeline.Count == 0 || _timeline[^1].Phase != phase || _timeline[^1].Transition != transition || _timeline[^1].Fallback != fallback)
        {
            _timeline.Add(new PhaseSegment(at, phase, transition, fallback));
        }

        _audit.AddFirst(new AuditEntry(at, phase, transition, fallback, reason));
    }

    /// <summary>
    /// The coordinator's fallback as its status reports it: a fallback can start or end without the signal changing
    /// (data going stale mid-green), and the view must not keep saying "none" while the metric says 1.
    /// </summary>
    public void Fallback(DateTimeOffset at, string fallback)
    {
        if (Now is not { } now || now.Fallback == fallback)
        {
            return;
        }

        Signal(at, now.Phase, now.Transition, now.Indications, fallback, fallback == "none" ? "data fresh again: fallback ended" : $"stale data: {fallback} fallback", Local);
    }

    public void Queue(string approach, DateTimeOffset at, double metres) => Approach(approach).Add(new MeasurementSample(at, metres, null, null, null, false));

    public void Measure(Measurement m) => Approach(m.Approach).Add(
        new MeasurementSample(m.At, m.QueueLengthMeters, m.FlowVehiclesPerHourSmoothed, DischargeDelay(m.QueueLengthMeters), m.Occupancy, m.CameraDown),
        fromCamera: true);

    /// <summary>
    /// What the coordinator last got for an approach (detectors in the demo, or cameras): plotted when it is newer than
    /// the approach's last sample and no camera measurement of the approach arrived in the last 5 s (that one is richer).
    /// </summary>
    public void Observed(ApproachObservation o)
    {
        var track = Approach(o.Approach);
        if (track.LastSample is { } last && o.MeasuredAt <= last)
        {
            return;
        }

        if (track.LastCameraSample is { } camera && o.MeasuredAt - camera < TimeSpan.FromSeconds(5))
        {
            return;
        }

        var metres = Math.Round(o.Observation.QueueVehicles * VehicleSpacingMetres, 1);
        track.Add(new MeasurementSample(o.MeasuredAt, metres, Math.Round(o.Observation.FlowVehiclesPerHour), DischargeDelay(metres), o.Observation.Occupancy, o.Observation.Stale));
    }

    public void Trim(DateTimeOffset since, int auditLimit)
    {
        // Keep the segment that was running at `since` so the timeline starts with what was showing then.
        var firstKept = _timeline.FindIndex(s => s.Start >= since);
        if (firstKept > 1)
        {
            _timeline.RemoveRange(0, firstKept - 1);
        }

        while (_audit.Count > auditLimit)
        {
            _audit.RemoveLast();
        }

        foreach (var a in _approaches.Values)
        {
            a.Trim(since);
        }
    }

    public IntersectionSnapshot Snapshot(DateTimeOffset since, bool withTimeline, bool withSamples, int auditEntries) => new(
        Id,
        name,
        Controller,
        Now?.Fallback ?? "unknown",
        Now?.Phase,
        Now?.Transition ?? false,
        Now?.At,
        Now?.Reason,
        Now?.Indications ?? new Dictionary<string, string>(),
        StaleMovements,
        _approaches.Values.OrderBy(a => a.Id, StringComparer.Ordinal).Select(a => a.Snapshot(since, withSamples)).ToList(),
        withTimeline ? _timeline.Where((s, i) => i == _timeline.Count - 1 || _timeline[i + 1].Start >= since).ToList() : [],
        _audit.Take(auditEntries).ToList())
    {
        HeadFault = HeadFault,
        HandedBack = HandedBack,
        Corridor = Corridor,
        PhaseName = Now?.Phase is { } phase ? PhaseNames.GetValueOrDefault(phase) : null,
    };

    /// <summary>Why the coordinator's signal head is failing, as its status last said.</summary>
    public string? HeadFault { get; set; }

    /// <summary>Why the supervisor handed back control, as the coordinator's status last said.</summary>
    public string? HandedBack { get; set; }

    /// <summary>The green-wave advice the coordinator follows, as its status last said; null when none is in force.</summary>
    public CorridorShown? Corridor { get; set; }

    /// <summary>
    /// Seconds the last queued vehicle waits to clear the stop line: queued vehicles (7.5 m each) times a 2 s saturation
    /// headway. An estimate from the queue the camera sees, labelled as such on the dashboard.
    /// </summary>
    private static double DischargeDelay(double queueMetres) => Math.Round(queueMetres / VehicleSpacingMetres * 2.0, 1);

    private ApproachTrack Approach(string id)
    {
        if (!_approaches.TryGetValue(id, out var a))
        {
            a = new ApproachTrack(id);
            _approaches[id] = a;
        }

        return a;
    }

    private sealed record SignalNow(DateTimeOffset At, string Phase, bool Transition, IReadOnlyDictionary<string, string> Indications, string Fallback, string Reason);
}
