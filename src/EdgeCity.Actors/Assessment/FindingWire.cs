using System.Globalization;
using EdgeCity.Domain.Assessment;
using EdgeCity.Domain.Geometry;

namespace EdgeCity.Actors.Assessment;

/// <summary>
/// A finding as JSON between boxes, the command post and the triage page: flat, named as in the exports
/// (<see cref="FindingExport.Columns"/>), times as ISO 8601. <see cref="ToFinding"/> checks what a peer sent.
/// </summary>
public sealed record FindingWire(
    string Id,
    string Kind,
    string Label,
    double Confidence,
    double? Latitude,
    double? Longitude,
    double? Altitude,
    string Position,
    string? Time,
    string Source,
    int Frame,
    float Left,
    float Top,
    float Right,
    float Bottom,
    int ImageWidth,
    int ImageHeight,
    string Node,
    string? Grade = null,
    string? CheckedAt = null,
    string? CheckedBy = null)
{
    public static FindingWire From(Finding f) => new(
        f.Id, FindingKinds.Name(f.Kind), f.Label, f.Confidence, f.Position?.Latitude, f.Position?.Longitude, f.Position?.AltitudeMeters,
        f.PositionSource.ToString().ToLowerInvariant(), f.Time?.ToString("O", CultureInfo.InvariantCulture), f.Source, f.Frame,
        f.Box.Left, f.Box.Top, f.Box.Right, f.Box.Bottom, f.ImageWidth, f.ImageHeight, f.Node,
        f.Grade is { } g ? FindingKinds.Name(g) : null, f.CheckedAt?.ToString("O", CultureInfo.InvariantCulture), f.CheckedBy);

    /// <summary>The finding, or an exception naming the first field that is not valid (a peer's bug must not enter the store).</summary>
    public Finding ToFinding()
    {
        if (string.IsNullOrWhiteSpace(Id) || Id.Length > 64)
        {
            throw new FormatException($"id: must be 1-64 characters, was '{Id}'");
        }

        var kind = FindingKinds.Parse(Kind ?? string.Empty) ?? throw new FormatException($"{Id}: kind '{Kind}' is not person, vehicle, blocked-road or damaged-building");
        if (!(Confidence is >= 0 and <= 1))
        {
            throw new FormatException($"{Id}: confidence must be within 0..1, was {Confidence}");
        }

        GeoPoint? position = null;
        if (Latitude is { } lat && Longitude is { } lon)
        {
            position = lat is >= -90 and <= 90 && lon is >= -180 and <= 180 ? new GeoPoint(lat, lon, Altitude)
                : throw new FormatException($"{Id}: latitude {lat} / longitude {lon} are not on the earth");
        }

        var source = Enum.TryParse<PositionSource>(Position, ignoreCase: true, out var ps) && !int.TryParse(Position, out _) ? ps
            : throw new FormatException($"{Id}: position '{Position}' is not none, camera or projected");
        DamageGrade? grade = Grade is null ? null
            : Enum.GetValues<DamageGrade>().Cast<DamageGrade?>().FirstOrDefault(g => FindingKinds.Name(g!.Value) == Grade) ?? throw new FormatException($"{Id}: grade '{Grade}' is not an xBD grade");
        return new Finding(Id, kind, Label ?? string.Empty, Confidence, position, source, ParseTime(Time, "time"), Source ?? string.Empty, Frame,
            new BoxF(Left, Top, Right, Bottom), ImageWidth, ImageHeight, Node ?? string.Empty)
        {
            Grade = grade,
            CheckedAt = ParseTime(CheckedAt, "checkedAt"),
            CheckedBy = CheckedBy,
        };
    }

    private DateTimeOffset? ParseTime(string? text, string field) =>
        text is null ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var t) ? t
        : throw new FormatException($"{Id}: {field} '{text}' is not an ISO 8601 time");
}
