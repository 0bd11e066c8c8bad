namespace EdgeCity.Node.Api;

/// <summary>A decision that changed the signal, newest first in the API (the same facts as the JSON-lines audit log).</summary>
public sealed record AuditEntry(DateTimeOffset Time, string Phase, bool InTransition, string Fallback, string Reason);
