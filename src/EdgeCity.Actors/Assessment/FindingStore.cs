using System.Globalization;
using EdgeCity.Domain.Assessment;
using EdgeCity.Domain.Geometry;
using Microsoft.Data.Sqlite;

namespace EdgeCity.Actors.Assessment;

/// <summary>
/// The box's findings on its own disk, in SQLite (Microsoft.Data.Sqlite). A finding is acknowledged only once
/// <see cref="Add"/> has returned: the transaction is committed with the write-ahead log and <c>synchronous=FULL</c>, so
/// a kill -9 or a power cut after that loses nothing. Adding is idempotent by finding id (ids derive from the image's
/// content), so re-assessing after a crash stores nothing twice. Disk policy: thumbnails are bounded by
/// <see cref="MaxThumbnailBytes"/> and the oldest go first; findings are never deleted. One connection, one caller at a time (a lock): the node's inbox, API and replication share it.
/// </summary>
public sealed partial class FindingStore : IDisposable
{
    private readonly SqliteConnection _db;
    private readonly Lock _gate = new();

    public FindingStore(string path, long maxThumbnailBytes = 512L * 1024 * 1024)
    {
        Path = System.IO.Path.GetFullPath(path);
        MaxThumbnailBytes = maxThumbnailBytes;
        var folder = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(folder))
        {
            System.IO.Directory.CreateDirectory(folder);
        }

        _db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        try
        {
            _db.Open();
            Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
            Execute(FindingStoreSchema.Create);
        }
        catch (SqliteException e)
        {
            _db.Dispose();
            throw new InvalidOperationException($"finding store {Path}: {e.Message}", e);
        }
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Thumbnails beyond this many bytes are deleted, oldest first (findings stay).</summary>
    public long MaxThumbnailBytes { get; }

    /// <summary>Thumbnails deleted by the disk policy since this store was opened.</summary>
    public long ThumbnailsEvicted { get; private set; }

    /// <summary>
    /// Stores an image's findings and marks the image assessed, in one committed transaction. Returns how many findings
    /// were new (those already stored, by id, are left as they are).
    /// </summary>
    public int Add(string imageDigest, string source, IReadOnlyList<(Finding Finding, byte[]? Thumbnail)> findings)
    {
        lock (_gate)
        {
            using var tx = _db.BeginTransaction();
            var added = 0;
            foreach (var (f, thumbnail) in findings)
            {
                using var insert = Command(FindingStoreSchema.InsertFinding, tx);
                FindingStoreSchema.Bind(insert, f, DateTimeOffset.UtcNow);
                if (insert.ExecuteNonQuery() == 0)
                {
                    continue;
                }

                added++;
                if (thumbnail is { Length: > 0 })
                {
                    using var thumb = Command("INSERT OR IGNORE INTO thumbnails (finding_id, jpeg, bytes) VALUES ($id, $jpeg, $bytes)", tx);
                    thumb.Parameters.AddWithValue("$id", f.Id);
                    thumb.Parameters.AddWithValue("$jpeg", thumbnail);
                    thumb.Parameters.AddWithValue("$bytes", thumbnail.Length);
                    thumb.ExecuteNonQuery();
                }
            }

            using (var mark = Command("INSERT OR REPLACE INTO sources (digest, source, assessed_at, findings) VALUES ($d, $s, $at, $n)", tx))
            {
                mark.Parameters.AddWithValue("$d", imageDigest);
                mark.Parameters.AddWithValue("$s", source);
                mark.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
                mark.Parameters.AddWithValue("$n", findings.Count);
                mark.ExecuteNonQuery();
            }

            EvictThumbnails(tx);
            tx.Commit();
            return added;
        }
    }

    /// <summary>Whether the image with this digest was assessed already (its findings, if any, are stored).</summary>
    public bool IsAssessed(string imageDigest)
    {
        lock (_gate)
        {
            using var c = Command("SELECT 1 FROM sources WHERE digest = $d");
            c.Parameters.AddWithValue("$d", imageDigest);
            return c.ExecuteScalar() is not null;
        }
    }

    /// <summary>Every stored finding, in the order they were stored.</summary>
    public IReadOnlyList<Finding> All() => Query(null, 0);

    /// <summary>Stored findings of <paramref name="kind"/> (all kinds when null) at or above <paramref name="minConfidence"/>.</summary>
    public IReadOnlyList<Finding> Query(FindingKind? kind, double minConfidence)
    {
        lock (_gate)
        {
            using var c = Command($"SELECT {FindingStoreSchema.Columns} FROM findings WHERE ($k IS NULL OR kind = $k) AND confidence >= $c ORDER BY seq");
            c.Parameters.AddWithValue("$k", kind is { } k ? FindingKinds.Name(k) : DBNull.Value);
            c.Parameters.AddWithValue("$c", minConfidence);
            using var r = c.ExecuteReader();
            var list = new List<Finding>();
            while (r.Read())
            {
                list.Add(FindingStoreSchema.Read(r));
            }

            return list;
        }
    }

    /// <summary>The finding's thumbnail (JPEG), or null when it had none or the disk policy removed it.</summary>
    public byte[]? Thumbnail(string findingId)
    {
        lock (_gate)
        {
            using var c = Command("SELECT jpeg FROM thumbnails WHERE finding_id = $id");
            c.Parameters.AddWithValue("$id", findingId);
            return c.ExecuteScalar() as byte[];
        }
    }

    /// <summary>Marks a finding checked on the ground; false when no such finding is stored.</summary>
    public bool MarkChecked(string findingId, string by, DateTimeOffset at)
    {
        lock (_gate)
        {
            using var c = Command($"UPDATE findings SET checked_at = $at, checked_by = $by, changed = {FindingStoreSchema.NextChange} WHERE id = $id");
            c.Parameters.AddWithValue("$id", findingId);
            c.Parameters.AddWithValue("$by", by);
            c.Parameters.AddWithValue("$at", at.ToString("O", CultureInfo.InvariantCulture));
            return c.ExecuteNonQuery() == 1;
        }
    }

    /// <summary>How many findings are stored, and the thumbnails' bytes on disk.</summary>
    public (long Findings, long Thumbnails, long ThumbnailBytes) Totals()
    {
        lock (_gate)
        {
            using var c = Command("SELECT (SELECT COUNT(*) FROM findings), (SELECT COUNT(*) FROM thumbnails), (SELECT COALESCE(SUM(bytes), 0) FROM thumbnails)");
            using var r = c.ExecuteReader();
            r.Read();
            return (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2));
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _db.Dispose();
        }
    }

    private void EvictThumbnails(SqliteTransaction tx)
    {
        using var total = Command("SELECT COALESCE(SUM(bytes), 0) FROM thumbnails", tx);
        var bytes = (long)total.ExecuteScalar()!;
        while (bytes > MaxThumbnailBytes)
        {
            using var oldest = Command("SELECT t.finding_id, t.bytes FROM thumbnails t JOIN findings f ON f.id = t.finding_id ORDER BY f.seq LIMIT 1", tx);
            using var r = oldest.ExecuteReader();
            if (!r.Read())
            {
                return;
            }

            var (id, size) = (r.GetString(0), r.GetInt64(1));
            r.Close();
            using var delete = Command("DELETE FROM thumbnails WHERE finding_id = $id", tx);
            delete.Parameters.AddWithValue("$id", id);
            delete.ExecuteNonQuery();
            bytes -= size;
            ThumbnailsEvicted++;
        }
    }

    private void Execute(string sql)
    {
        using var c = Command(sql);
        c.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, SqliteTransaction? tx = null)
    {
        var c = _db.CreateCommand();
        c.CommandText = sql;
        c.Transaction = tx;
        return c;
    }
}
