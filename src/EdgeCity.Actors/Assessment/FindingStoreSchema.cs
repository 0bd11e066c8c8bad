using System.Globalization;
using EdgeCity.Domain.Assessment;
using EdgeCity.Domain.Geometry;
using Microsoft.Data.Sqlite;

namespace EdgeCity.Actors.Assessment;

/// <summary>The finding store's tables and the mapping between a <see cref="Finding"/> and its row.</summary>
internal static class FindingStoreSchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS findings (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL, label TEXT NOT NULL, confidence REAL NOT NULL,
            latitude REAL, longitude REAL, altitude REAL, position_source TEXT NOT NULL,
            time TEXT, source TEXT NOT NULL, frame INTEGER NOT NULL,
            box_left REAL NOT NULL, box_top REAL NOT NULL, box_right REAL NOT NULL, box_bottom REAL NOT NULL,
            image_width INTEGER NOT NULL, image_height INTEGER NOT NULL, node TEXT NOT NULL,
            grade TEXT, checked_at TEXT, checked_by TEXT, stored_at TEXT NOT NULL,
            changed INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX IF NOT EXISTS findings_changed ON findings(changed);
        CREATE TABLE IF NOT EXISTS cursors (
            name TEXT PRIMARY KEY, position INTEGER NOT NULL, updated_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS thumbnails (
            finding_id TEXT PRIMARY KEY REFERENCES findings(id), jpeg BLOB NOT NULL, bytes INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS sources (
            digest TEXT PRIMARY KEY, source TEXT NOT NULL, assessed_at TEXT NOT NULL, findings INTEGER NOT NULL);
        """;

    public const string Columns = "id, kind, label, confidence, latitude, longitude, altitude, position_source, time, source, frame, box_left, box_top, box_right, box_bottom, image_width, image_height, node, grade, checked_at, checked_by";

    public const string InsertFinding = $"""
        INSERT OR IGNORE INTO findings ({Columns}, stored_at, changed)
        VALUES ($id, $kind, $label, $confidence, $lat, $lon, $alt, $ps, $time, $source, $frame, $l, $t, $r, $b, $w, $h, $node, $grade, $checkedAt, $checkedBy, $storedAt,
            (SELECT COALESCE(MAX(changed), 0) + 1 FROM findings))
        """;

    public static void Bind(SqliteCommand c, Finding f, DateTimeOffset storedAt)
    {
        object N(object? v) => v ?? DBNull.Value;
        c.Parameters.AddWithValue("$id", f.Id);
        c.Parameters.AddWithValue("$kind", FindingKinds.Name(f.Kind));
        c.Parameters.AddWithValue("$label", f.Label);
        c.Parameters.AddWithValue("$confidence", f.Confidence);
        c.Parameters.AddWithValue("$lat", N(f.Position?.Latitude));
        c.Parameters.AddWithValue("$lon", N(f.Position?.Longitude));
        c.Parameters.AddWithValue("$alt", N(f.Position?.AltitudeMeters));
        c.Parameters.AddWithValue("$ps", f.PositionSource.ToString().ToLowerInvariant());
        c.Parameters.AddWithValue("$time", N(f.Time?.ToString("O", CultureInfo.InvariantCulture)));
        c.Parameters.AddWithValue("$source", f.Source);
        c.Parameters.AddWithValue("$frame", f.Frame);
        c.Parameters.AddWithValue("$l", f.Box.Left);
        c.Parameters.AddWithValue("$t", f.Box.Top);
        c.Parameters.AddWithValue("$r", f.Box.Right);
        c.Parameters.AddWithValue("$b", f.Box.Bottom);
        c.Parameters.AddWithValue("$w", f.ImageWidth);
        c.Parameters.AddWithValue("$h", f.ImageHeight);
        c.Parameters.AddWithValue("$node", f.Node);
        c.Parameters.AddWithValue("$grade", N(f.Grade is { } g ? FindingKinds.Name(g) : null));
        c.Parameters.AddWithValue("$checkedAt", N(f.CheckedAt?.ToString("O", CultureInfo.InvariantCulture)));
        c.Parameters.AddWithValue("$checkedBy", N(f.CheckedBy));
        c.Parameters.AddWithValue("$storedAt", storedAt.ToString("O", CultureInfo.InvariantCulture));
    }

    /// <summary>The next change number: every insert and every checked mark takes one, so "changes after N" is a cursor.</summary>
    public const string NextChange = "(SELECT COALESCE(MAX(changed), 0) + 1 FROM findings)";

    public static Finding Read(SqliteDataReader r)
    {
        string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        double? D(int i) => r.IsDBNull(i) ? null : r.GetDouble(i);
        DateTimeOffset? T(int i) => S(i) is { } s ? DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind) : null;
        var position = D(4) is { } lat && D(5) is { } lon ? new GeoPoint(lat, lon, D(6)) : (GeoPoint?)null;
        var kind = FindingKinds.Parse(r.GetString(1)) ?? throw new InvalidOperationException($"finding {r.GetString(0)}: unknown kind '{r.GetString(1)}' in the store");
        return new Finding(r.GetString(0), kind, r.GetString(2), r.GetDouble(3), position,
            Enum.Parse<PositionSource>(r.GetString(7), ignoreCase: true), T(8), r.GetString(9), r.GetInt32(10),
            new BoxF((float)r.GetDouble(11), (float)r.GetDouble(12), (float)r.GetDouble(13), (float)r.GetDouble(14)),
            r.GetInt32(15), r.GetInt32(16), r.GetString(17))
        {
            Grade = S(18) is { } g ? Enum.GetValues<DamageGrade>().First(x => FindingKinds.Name(x) == g) : null,
            CheckedAt = T(19),
            CheckedBy = S(20),
        };
    }
}
