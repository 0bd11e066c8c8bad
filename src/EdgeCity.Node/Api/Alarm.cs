namespace EdgeCity.Node.Api;

/// <summary>
/// Something an operator must know about: a camera down, an intersection on its fallback, the node unable to do its
/// job. <see cref="Id"/> is stable while the condition lasts (<c>camera-down:J1-N1_J1</c>); an acknowledgement says who
/// saw it and when, and lasts until the condition clears.
/// </summary>
public sealed record Alarm(string Id, string Kind, string Subject, DateTimeOffset Since, string Reason)
{
    public string? AcknowledgedBy { get; init; }

    public DateTimeOffset? AcknowledgedAt { get; init; }

    /// <summary>When the condition cleared (recent alarms only); null while it lasts.</summary>
    public DateTimeOffset? ClearedAt { get; init; }
}
