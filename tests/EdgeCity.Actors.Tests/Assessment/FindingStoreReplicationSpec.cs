using EdgeCity.Actors.Assessment;
using EdgeCity.Domain.Assessment;
using EdgeCity.Domain.Geometry;

namespace EdgeCity.Actors.Tests.Assessment;

/// <summary>The store's change feed, merging from peers (idempotent, the latest checked mark winning) and cursors.</summary>
public sealed class FindingStoreReplicationSpec : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("ec-repl-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void Each_insert_and_each_mark_takes_the_next_change_so_a_peer_catches_up_from_its_cursor()
    {
        using var store = new FindingStore(Path.Combine(_dir.FullName, "a.db"));
        store.Add("d1", "1.jpg", [(F("x"), null), (F("y"), null)]);
        store.MarkChecked("x", "team-1", T(9));

        var all = store.Changes(0, 10);
        var after1 = store.Changes(1, 10);

        Assert.Equal([("y", 2L), ("x", 3L)], all.Select(c => (c.Finding.Id, c.Change)));
        Assert.Equal(["y", "x"], after1.Select(c => c.Finding.Id));
        Assert.Equal(3, store.LastChange());
        Assert.Equal(1, store.CountAfter(2));
        Assert.Equal(0, store.CountAfter(0, node: "another box"));
    }

    [Fact]
    public void Merging_is_idempotent_and_the_latest_checked_mark_wins()
    {
        using var store = new FindingStore(Path.Combine(_dir.FullName, "b.db"));

        Assert.Equal(2, store.Merge([F("x"), F("y")]));
        Assert.Equal(0, store.Merge([F("x"), F("y")]));
        Assert.Equal(1, store.Merge([F("x") with { CheckedAt = T(10), CheckedBy = "team-2" }]));
        Assert.Equal(0, store.Merge([F("x") with { CheckedAt = T(9), CheckedBy = "team-1" }]));

        var x = store.Get("x")!;
        Assert.Equal((T(10), "team-2"), (x.CheckedAt, x.CheckedBy));
        Assert.Equal(2, store.Totals().Findings);
    }

    [Fact]
    public void A_cursor_survives_reopening_the_store()
    {
        var path = Path.Combine(_dir.FullName, "c.db");
        using (var store = new FindingStore(path))
        {
            Assert.Equal(0, store.Cursor("peer:box-b"));
            store.SetCursor("peer:box-b", 42);
        }

        using var reopened = new FindingStore(path);
        Assert.Equal(42, reopened.Cursor("peer:box-b"));
    }

    [Fact]
    public void A_finding_from_a_peer_with_a_bad_field_is_refused_naming_it()
    {
        var wire = FindingWire.From(F("x")) with { Kind = "cat" };

        var e = Assert.Throws<FormatException>(wire.ToFinding);

        Assert.Contains("kind 'cat'", e.Message, StringComparison.Ordinal);
        Assert.Equal(F("x"), FindingWire.From(F("x")).ToFinding());
    }

    private static DateTimeOffset T(int hour) => new(2026, 12, 5, hour, 0, 0, TimeSpan.Zero);

    private static Finding F(string id) => new(id, FindingKind.Person, "person", 0.7, new GeoPoint(46.9, 7.4), PositionSource.Camera, T(8), "1.jpg", 0,
        new BoxF(1, 2, 3, 4), 100, 100, "box-a");
}
