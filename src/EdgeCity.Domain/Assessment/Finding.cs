using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Assessment;

/// <summary>
/// One thing worth a responder's look, found in one image or video frame: what it is, where and when, how sure the
/// model was, and where it came from (the image, the frame, the box in it). Ids are derived from the image's content,
/// so the same image assessed twice, on any box, gives the same findings (stores and the command post deduplicate by id).
/// </summary>
public sealed record Finding(
    string Id,
    FindingKind Kind,
    string Label,
    double Confidence,
    GeoPoint? Position,
    PositionSource PositionSource,
    DateTimeOffset? Time,
    string Source,
    int Frame,
    BoxF Box,
    int ImageWidth,
    int ImageHeight,
    string Node)
{
    /// <summary>The building's damage grade (damaged-building findings only).</summary>
    public DamageGrade? Grade { get; init; }

    /// <summary>When a person marked the finding as checked on the ground (null: not yet).</summary>
    public DateTimeOffset? CheckedAt { get; init; }

    /// <summary>Who marked it checked.</summary>
    public string? CheckedBy { get; init; }
}
