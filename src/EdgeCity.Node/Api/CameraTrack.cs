using EdgeCity.Domain.Sites;
using Measurement = EdgeCity.Domain.Measurements.ApproachMeasurement;

namespace EdgeCity.Node.Api;

/// <summary>One camera's definition and stream health (not thread-safe: the view locks).</summary>
internal sealed class CameraTrack(CameraDefinition definition)
{
    private string _status = "unknown";
    private string? _reason;
    private double? _fps;
    private long _drops;
    private long _reconnects;
    private DateTimeOffset? _seen;
    private double? _dataAge;
    private (double Captured, DateTimeOffset At)? _lastCount;

    public CameraDefinition Definition { get; set; } = definition;

    public bool AddedAtRunTime { get; init; }

    /// <summary>Whether any status arrived (from the camera or its measurements).</summary>
    public bool HasStatus => _seen is not null;

    public void Status(string state, string? reason, DateTimeOffset at)
    {
        _status = state;
        _reason = state == "up" ? null : reason;
        _seen = at;
    }

    /// <summary>Counters from the camera pipeline; frames per second come from the captured-frames counter's rise.</summary>
    public void Counters(double captured, double dropped, double reconnects, DateTimeOffset at)
    {
        if (_lastCount is { } last && at > last.At)
        {
            _fps = Math.Round(Math.Max(0, captured - last.Captured) / (at - last.At).TotalSeconds, 1);
        }

        _lastCount = (captured, at);
        (_drops, _reconnects) = ((long)dropped, (long)reconnects);
    }

    public void Measured(Measurement m)
    {
        _dataAge = m.DataAge?.TotalSeconds;
        Status(m.CameraDown ? "down" : "up", m.CameraDownReason, m.At);
    }

    public CameraSnapshot Snapshot(DateTimeOffset now) => new(
        Definition.Id,
        Definition.Source,
        Definition.Intersection,
        Definition.Approach,
        _status,
        _reason,
        _fps,
        _drops,
        _reconnects,
        _seen is { } s ? Math.Round((now - s).TotalSeconds, 1) : null,
        _dataAge,
        Definition.CountLines.Count,
        Definition.Zones.Count,
        AddedAtRunTime);
}
