namespace EdgeCity.Domain.Sites;

/// <summary>
/// A disaster site's assessment: the area it covers (the triage map's frame), the folder drones and phones drop imagery
/// into, the site's other boxes (findings replicate between them) and the command post findings are forwarded to.
/// </summary>
public sealed record AssessmentDefinition
{
    /// <summary>The site's area, for the triage map; findings outside it are still kept and shown.</summary>
    public AreaDefinition? Area { get; init; }

    /// <summary>Folder watched for photos and videos (relative to the site file, or absolute).</summary>
    public string Inbox { get; init; } = "inbox";

    /// <summary>The box's own cameras: a frame of each is assessed every <see cref="EverySeconds"/>.</summary>
    public IReadOnlyList<AssessmentCameraDefinition> Cameras { get; init; } = [];

    /// <summary>
    /// A fixed camera sees the same person or vehicle frame after frame: a finding overlapping one of the same kind
    /// from the same camera within this many seconds is that finding, not a new one.
    /// </summary>
    public double RememberSeconds { get; init; } = 600;

    /// <summary>Seconds between sampled video frames (and between frames taken from each camera).</summary>
    public double EverySeconds { get; init; } = 2.0;

    /// <summary>Detector for people and vehicles (a manifest in <c>models/</c>); empty: the real-camera default.</summary>
    public string Model { get; init; } = string.Empty;

    /// <summary>
    /// A damage model (a <c>tileClassification</c> manifest in <c>models/</c>) for damaged buildings and blocked roads;
    /// empty: none (the shipped <c>edgecity-damage-demo</c> is a demonstration, see its model card).
    /// </summary>
    public string DamageModel { get; init; } = string.Empty;

    /// <summary>Detections below this confidence are no finding.</summary>
    public double MinConfidence { get; init; } = 0.3;

    /// <summary>The site's other boxes: findings and checked marks replicate between all of them.</summary>
    public IReadOnlyList<AssessmentPeerDefinition> Peers { get; init; } = [];

    /// <summary>Where findings are forwarded when it can be reached (null: no command post).</summary>
    public CommandPostDefinition? CommandPost { get; init; }
}
