namespace EdgeCity.Actors.Assessment;

/// <summary>
/// How one replication link stands: a peer box (findings taken from it) or the command post (findings forwarded to it:
/// waiting, in flight, acknowledged), when it last answered and the last error.
/// </summary>
public sealed record AssessmentLink(
    string Name,
    string Role,
    string Url,
    long Cursor,
    long Taken,
    long Waiting,
    long InFlight,
    long Acknowledged,
    DateTimeOffset? LastContact,
    string? LastError);
