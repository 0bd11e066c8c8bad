using System.Globalization;
using EdgeCity.Domain.Assessment;

namespace EdgeCity.Actors.Assessment;

/// <summary>
/// The store's side of replication: every insert and checked mark takes the next change number, so a peer (or the
/// command post) catches up by asking for the changes after the last one it took; findings from elsewhere merge in
/// idempotently by id, the latest checked mark winning. Named cursors remember how far each peer and the command post got.
/// </summary>
public sealed partial class FindingStore
{
    /// <summary>
    /// Takes in findings from elsewhere (another box, a box forwarding to this command post), in one transaction: new
    /// ones are added, a known one takes a checked mark newer than its own (the last mark wins). Returns how many
    /// findings changed here.
    /// </summary>
    public int Merge(IReadOnlyList<Finding> findings)
    {
        lock (_gate)
        {
            using var tx = _db.BeginTransaction();
            var changed = 0;
            foreach (var f in findings)
            {
                using var insert = Command(FindingStoreSchema.InsertFinding, tx);
                FindingStoreSchema.Bind(insert, f, DateTimeOffset.UtcNow);
                if (insert.ExecuteNonQuery() == 1)
                {
                    changed++;
                    continue;
                }

                if (f.CheckedAt is not { } at)
                {
                    continue;
                }

                // Compared as instants (marks from boxes in other offsets do not sort as text).
                using var read = Command("SELECT checked_at FROM findings WHERE id = $id", tx);
                read.Parameters.AddWithValue("$id", f.Id);
                var mine = read.ExecuteScalar() is string s ? DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind) : (DateTimeOffset?)null;
                if (mine is null || at > mine)
                {
                    using var mark = Command($"UPDATE findings SET checked_at = $at, checked_by = $by, changed = {FindingStoreSchema.NextChange} WHERE id = $id", tx);
                    mark.Parameters.AddWithValue("$id", f.Id);
                    mark.Parameters.AddWithValue("$at", at.ToString("O", CultureInfo.InvariantCulture));
                    mark.Parameters.AddWithValue("$by", (object?)f.CheckedBy ?? DBNull.Value);
                    changed += mark.ExecuteNonQuery();
                }
            }

            tx.Commit();
            return changed;
        }
    }

    /// <summary>Findings added or marked after change <paramref name="after"/>, oldest change first, at most <paramref name="max"/>, with their change numbers.</summary>
    public IReadOnlyList<(long Change, Finding Finding)> Changes(long after, int max)
    {
        lock (_gate)
        {
            using var c = Command($"SELECT {FindingStoreSchema.Columns}, changed FROM findings WHERE changed > $after ORDER BY changed LIMIT $max");
            c.Parameters.AddWithValue("$after", after);
            c.Parameters.AddWithValue("$max", max);
            using var r = c.ExecuteReader();
            var list = new List<(long, Finding)>();
            while (r.Read())
            {
                list.Add((r.GetInt64(21), FindingStoreSchema.Read(r)));
            }

            return list;
        }
    }

    /// <summary>The latest change number (0 when empty).</summary>
    public long LastChange()
    {
        lock (_gate)
        {
            using var c = Command("SELECT COALESCE(MAX(changed), 0) FROM findings");
            return (long)c.ExecuteScalar()!;
        }
    }

    /// <summary>
    /// How many findings changed after <paramref name="after"/> (what a peer or the command post has still to take),
    /// only those made by <paramref name="node"/> when given.
    /// </summary>
    public long CountAfter(long after, string? node = null)
    {
        lock (_gate)
        {
            using var c = Command("SELECT COUNT(*) FROM findings WHERE changed > $after AND ($node IS NULL OR node = $node)");
            c.Parameters.AddWithValue("$after", after);
            c.Parameters.AddWithValue("$node", (object?)node ?? DBNull.Value);
            return (long)c.ExecuteScalar()!;
        }
    }

    /// <summary>A named position in a change sequence (a peer's changes taken, this box's changes the command post acknowledged); 0 when never set.</summary>
    public long Cursor(string name)
    {
        lock (_gate)
        {
            using var c = Command("SELECT position FROM cursors WHERE name = $n");
            c.Parameters.AddWithValue("$n", name);
            return c.ExecuteScalar() is long p ? p : 0;
        }
    }

    /// <summary>Moves a named cursor (committed at once: a cursor never runs ahead of what it stands for).</summary>
    public void SetCursor(string name, long position)
    {
        lock (_gate)
        {
            using var c = Command("INSERT INTO cursors (name, position, updated_at) VALUES ($n, $p, $at) ON CONFLICT(name) DO UPDATE SET position = $p, updated_at = $at");
            c.Parameters.AddWithValue("$n", name);
            c.Parameters.AddWithValue("$p", position);
            c.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            c.ExecuteNonQuery();
        }
    }

    /// <summary>The finding with this id, or null.</summary>
    public Finding? Get(string id)
    {
        lock (_gate)
        {
            using var c = Command($"SELECT {FindingStoreSchema.Columns} FROM findings WHERE id = $id");
            c.Parameters.AddWithValue("$id", id);
            using var r = c.ExecuteReader();
            return r.Read() ? FindingStoreSchema.Read(r) : null;
        }
    }

    /// <summary>Stores a thumbnail fetched from the box that made the finding (thumbnails do not replicate: they are asked for).</summary>
    public void PutThumbnail(string findingId, byte[] jpeg)
    {
        lock (_gate)
        {
            using var tx = _db.BeginTransaction();
            using (var c = Command("INSERT OR IGNORE INTO thumbnails (finding_id, jpeg, bytes) SELECT id, $jpeg, $bytes FROM findings WHERE id = $id", tx))
            {
                c.Parameters.AddWithValue("$id", findingId);
                c.Parameters.AddWithValue("$jpeg", jpeg);
                c.Parameters.AddWithValue("$bytes", jpeg.Length);
                c.ExecuteNonQuery();
            }

            EvictThumbnails(tx);
            tx.Commit();
        }
    }
}
