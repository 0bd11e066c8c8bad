using EdgeCity.Vision.Assessment;

namespace EdgeCity.Actors.Assessment;

/// <summary>
/// Everything a box's assessment runs with: the store (shared with the API), the inbox status, the replication links,
/// how to make an assessor (loads the model on the watcher's thread), and the HTTP client replication uses.
/// </summary>
public sealed record AssessmentSetup(
    FindingStore Store,
    AssessmentInbox Inbox,
    AssessmentLinks Links,
    ReplicationSettings Replication,
    Func<ImageAssessor> CreateAssessor,
    double EverySeconds,
    HttpClient Http)
{
    /// <summary>Starts the box's own cameras (null when it has none); called on the watcher's thread.</summary>
    public Func<AssessmentCameras>? Cameras { get; init; }

    /// <summary>How long a fixed camera's sighting is remembered as the same finding.</summary>
    public TimeSpan Remember { get; init; } = TimeSpan.FromMinutes(10);
}
