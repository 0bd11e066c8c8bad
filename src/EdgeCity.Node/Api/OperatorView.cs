using EdgeCity.Actors.Cluster.Contracts;
using EdgeCity.Actors.Signals;
using EdgeCity.Domain.Control;
using EdgeCity.Domain.Sites;
using Measurement = EdgeCity.Domain.Measurements.ApproachMeasurement;

namespace EdgeCity.Node.Api;

/// <summary>
/// What the operator sees: per intersection its signal, phase timeline, audit trail and measurements, per camera its
/// stream health. Fed by <see cref="OperatorViewFeed"/> from the event stream and the cluster topic; read by the API
/// and the dashboard. Bounded: only the last <see cref="History"/> is kept.
/// </summary>
public sealed class OperatorView
{
    /// <summary>How much history timelines and plots keep.</summary>
    public static readonly TimeSpan History = TimeSpan.FromMinutes(10);

    private const int AuditLimit = 100;
    private readonly object _gate = new();
    private readonly Dictionary<string, IntersectionTrack> _intersections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CameraTrack> _cameras = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private long _version;

    /// <param name="site">The site whose intersections and cameras the view starts with (null: none).</param>
    /// <param name="time">The clock that dates snapshots and alarms.</param>
    /// <param name="phaseNames">Each intersection's phase names by phase id (from its signal model), shown beside the id.</param>
    public OperatorView(SiteDefinition? site, TimeProvider time, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? phaseNames = null)
    {
        _time = time;
        Site = site;
        Alarms = new OperatorAlarms(time);
        foreach (var x in site?.Intersections ?? [])
        {
            _intersections[x.Id] = new IntersectionTrack(x.Id, x.Name, x.Controller, x.Approaches.Select(a => a.Id).ToList())
            {
                PhaseNames = phaseNames?.GetValueOrDefault(x.Id) ?? new Dictionary<string, string>(),
            };
        }

        foreach (var c in site?.Cameras ?? [])
        {
            _cameras[c.Id] = new CameraTrack(c);
        }
    }

    public SiteDefinition? Site { get; }

    /// <summary>The alarm list derived from this view (refreshed by the feed once a second).</summary>
    public OperatorAlarms Alarms { get; }

    /// <summary>Grows with every change; the dashboard stream sends a snapshot only when it moved.</summary>
    public long Version => Interlocked.Read(ref _version);

    public DateTimeOffset Now => _time.GetUtcNow();

    public void Apply(SignalStateChanged change)
    {
        lock (_gate)
        {
            var x = Intersection(change.IntersectionId);
            var indications = change.State.Indications.ToDictionary(kv => kv.Key, kv => kv.Value.Code());
            var fallback = FallbackName.Of(change.Fallback);
            x.Signal(change.At, change.State.ActivePhaseId, change.State.InTransition, indications, fallback, change.Reason, local: true);
            Touch();
        }
    }

    public void Apply(IntersectionState state)
    {
        lock (_gate)
        {
            var x = Intersection(state.IntersectionId);
            if (x.Local)
            {
                return; // this node's own coordinator already told us, with more detail
            }

            x.Controller = state.Controller;
            x.Signal(state.Timestamp, state.PhaseId, false, state.Indications, state.Fallback ? "fallback" : "none", "cluster", local: false);
            foreach (var (approach, metres) in state.QueueMetres)
            {
                x.Queue(approach, state.Timestamp, metres);
            }

            Touch();
        }
    }

    public void Apply(Measurement m)
    {
        lock (_gate)
        {
            if (m.IntersectionId.Length > 0) // a count station's camera measures for no intersection
            {
                Intersection(m.IntersectionId).Measure(m);
            }

            if (_cameras.TryGetValue(m.CameraId, out var camera))
            {
                camera.Measured(m);
            }

            Touch();
        }
    }

    /// <summary>A camera went up, down, starting or ended (lower-case state), with the reason in words.</summary>
    public void CameraStatus(string cameraId, string state, string? reason)
    {
        lock (_gate)
        {
            if (_cameras.TryGetValue(cameraId, out var camera))
            {
                camera.Status(state, reason, _time.GetUtcNow());
                Touch();
            }
        }
    }

    /// <summary>Reads every camera's frame, drop and reconnect counters (<paramref name="read"/> gives captured, dropped, reconnects, or null for a camera this node does not run).</summary>
    public void SampleCameraCounters(Func<string, (double Captured, double Dropped, double Reconnects)?> read)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            foreach (var (id, camera) in _cameras)
            {
                if (read(id) is var (captured, dropped, reconnects))
                {
                    camera.Counters(captured, dropped, reconnects, now);
                }
            }

            Touch();
        }
    }

    public IReadOnlyList<string> CameraIds()
    {
        lock (_gate)
        {
            return [.. _cameras.Keys];
        }
    }

    /// <summary>Intersection the operator asked for controller detail (the coordinator's own status).</summary>
    public void Apply(IntersectionStatus status)
    {
        lock (_gate)
        {
            var x = Intersection(status.IntersectionId);
            x.Controller = status.Controller;
            x.StaleMovements = status.StaleMovements;
            x.HeadFault = status.HeadFault;
            x.HandedBack = status.HandedBack;
            x.Corridor = status.Advice is { } advice ? new CorridorShown(advice.CorridorId, Math.Round(advice.CycleSeconds, 1), advice.CoordinatedPhaseId) : null;
            if (!x.HasSignal)
            {
                // The coordinator started before this view subscribed to its changes: take what it shows now.
                var indications = status.Signal.Indications.ToDictionary(kv => kv.Key, kv => kv.Value.Code());
                x.Signal(_time.GetUtcNow(), status.Signal.ActivePhaseId, status.Signal.InTransition, indications, FallbackName.Of(status.Fallback), "status: what the coordinator showed when the view started", local: true);
            }
            else
            {
                x.Fallback(_time.GetUtcNow(), FallbackName.Of(status.Fallback));
            }

            foreach (var approach in status.Approaches)
            {
                x.Observed(approach);
            }

            Touch();
        }
    }

    public bool AddCamera(CameraDefinition camera)
    {
        lock (_gate)
        {
            if (!_cameras.TryAdd(camera.Id, new CameraTrack(camera) { AddedAtRunTime = true }))
            {
                return false;
            }

            Touch();
            return true;
        }
    }

    public bool RemoveCamera(string id)
    {
        lock (_gate)
        {
            var removed = _cameras.Remove(id);
            Touch();
            return removed;
        }
    }

    public void ReplaceAnalytics(string cameraId, IReadOnlyList<CountLineDefinition> lines, IReadOnlyList<ZoneDefinition> zones)
    {
        lock (_gate)
        {
            if (_cameras.TryGetValue(cameraId, out var camera))
            {
                camera.Definition = camera.Definition with { CountLines = lines, Zones = zones };
                Touch();
            }
        }
    }

    public CameraDefinition? Camera(string id)
    {
        lock (_gate)
        {
            return _cameras.TryGetValue(id, out var c) ? c.Definition : null;
        }
    }

    /// <summary>Re-derives the alarm list from this view (the feed, once a second); a change reaches the dashboard's stream.</summary>
    public void RefreshAlarms(string? nodeFault, ClusterSnapshot? cluster = null)
    {
        if (Alarms.Refresh(this, nodeFault, cluster))
        {
            lock (_gate)
            {
                Touch();
            }
        }
    }

    /// <summary>Acknowledges an active alarm for <paramref name="operatorName"/>; false when none is active by that id.</summary>
    public bool AcknowledgeAlarm(string id, string operatorName)
    {
        if (!Alarms.Acknowledge(id, operatorName))
        {
            return false;
        }

        lock (_gate)
        {
            Touch();
        }

        return true;
    }

    /// <summary>Cameras that have not reported any status yet.</summary>
    public IReadOnlyList<string> CamerasWithoutStatus()
    {
        lock (_gate)
        {
            return _cameras.Where(c => !c.Value.HasStatus).Select(c => c.Key).ToList();
        }
    }

    public IReadOnlyList<CameraSnapshot> Cameras()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            return _cameras.Values.OrderBy(c => c.Definition.Id, StringComparer.Ordinal).Select(c => c.Snapshot(now)).ToList();
        }
    }

    /// <summary>Every intersection; <paramref name="withTimeline"/> adds the phase timeline (small), never the sample history (large).</summary>
    public IReadOnlyList<IntersectionSnapshot> Intersections(bool withTimeline)
    {
        lock (_gate)
        {
            var since = _time.GetUtcNow() - History;
            return _intersections.Values.OrderBy(x => x.Id, StringComparer.Ordinal).Select(x => x.Snapshot(since, withTimeline, false, 0)).ToList();
        }
    }

    public IntersectionSnapshot? Intersection(string id, int auditEntries)
    {
        lock (_gate)
        {
            return _intersections.TryGetValue(id, out var x) ? x.Snapshot(_time.GetUtcNow() - History, true, true, auditEntries) : null;
        }
    }

    private IntersectionTrack Intersection(string id)
    {
        if (!_intersections.TryGetValue(id, out var x))
        {
            x = new IntersectionTrack(id, null, "unknown", []);
            _intersections[id] = x;
        }

        x.Trim(_time.GetUtcNow() - History, AuditLimit);
        return x;
    }

    private void Touch() => Interlocked.Increment(ref _version);
}
