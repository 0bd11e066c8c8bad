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

    public CameraDefinition Definition { get; set; } = definition;

    public bool AddedAtRunTime { get; init; }

    public void Status(bool up, string? reason, DateTimeOffset at)
    {
        _status = up ? "up" : "down";
        _reason = up ? null : reason;
        _seen = at;
    }

    public void Health(double fps, long drops, long reconnects, bool up, DateTimeOffset at)
    {
        (_fps, _drops, _reconnects) = (fps, drops, reconnects);
        Status(up, up ? null : _reason ?? "stream down", at);
    }

    public void Measured(Measurement m)
    {
        _dataAge = m.DataAge?.TotalSeconds;
        Status(!m.CameraDown, m.CameraDownReason, m.At);
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
