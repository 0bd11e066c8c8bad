using EdgeCity.Actors.Assessment;
using EdgeCity.Domain.Assessment;
using EdgeCity.Domain.Geometry;

namespace EdgeCity.Actors.Tests.Assessment;

/// <summary>The box's finding store on a real SQLite file: durable, idempotent by id, bounded thumbnails.</summary>
public sealed class FindingStoreSpec : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("ec-store-");

    private string Db => Path.Combine(_dir.FullName, "site", "findings.db");

    [Fact]
    public void Findings_written_are_read_back_whole_after_the_store_is_reopened()
    {
        var f = Finding("a", FindingKind.Person) with { Grade = null };
        using (var store = new FindingStore(Db))
        {
            Assert.Equal(1, store.Add("digest-1", "DJI_0001.JPG", [(f, [1, 2, 3])]));
        }

        using var reopened = new FindingStore(Db);
        var back = Assert.Single(reopened.All());
        Assert.Equal(f, back);
        Assert.Equal([1, 2, 3], reopened.Thumbnail("a"));
        Assert.True(reopened.IsAssessed("digest-1"));
        Assert.False(reopened.IsAssessed("digest-2"));
    }

    [Fact]
    public void Adding_the_same_finding_again_stores_it_once()
    {
        using var store = new FindingStore(Db);

        Assert.Equal(2, store.Add("d", "x.jpg", [(Finding("a", FindingKind.Person), null), (Finding("b", FindingKind.Vehicle), null)]));
        Assert.Equal(0, store.Add("d", "x.jpg", [(Finding("a", FindingKind.Person), null)]));

        Assert.Equal(2, store.Totals().Findings);
        Assert.Equal(["a", "b"], store.All().Select(f => f.Id));
    }

    [Fact]
    public void Thumbnails_over_the_bound_go_oldest_first_and_the_findings_stay()
    {
        using var store = new FindingStore(Db, maxThumbnailBytes: 250);

        for (var i = 0; i < 5; i++)
        {
            store.Add($"d{i}", $"{i}.jpg", [(Finding($"f{i}", FindingKind.Vehicle), new byte[100])]);
        }

        Assert.Equal((5L, 2L, 200L), store.Totals());
        Assert.Null(store.Thumbnail("f0"));
        Assert.Null(store.Thumbnail("f2"));
        Assert.NotNull(store.Thumbnail("f3"));
        Assert.Equal(3, store.ThumbnailsEvicted);
    }

    [Fact]
    public void A_finding_marked_checked_keeps_who_and_when_and_queries_filter_by_kind_and_confidence()
    {
        using var store = new FindingStore(Db);
        store.Add("d", "x.jpg", [(Finding("p", FindingKind.Person), null), (Finding("v", FindingKind.Vehicle) with { Confidence = 0.35 }, null)]);
        var at = new DateTimeOffset(2026, 12, 5, 9, 30, 0, TimeSpan.FromHours(1));

        Assert.True(store.MarkChecked("p", "team-2", at));
        Assert.False(store.MarkChecked("nope", "team-2", at));

        var p = Assert.Single(store.Query(FindingKind.Person, 0));
        Assert.Equal(("team-2", at), (p.CheckedBy, p.CheckedAt));
        Assert.Equal(["p"], store.Query(null, 0.5).Select(f => f.Id));
    }

    [Fact]
    public void A_store_path_that_cannot_be_a_database_names_the_file()
    {
        Directory.CreateDirectory(Db);

        var e = Assert.Throws<InvalidOperationException>(() => new FindingStore(Db));

        Assert.Contains(Db, e.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Delete(recursive: true);

    private static Finding Finding(string id, FindingKind kind) => new(id, kind, kind == FindingKind.Person ? "person" : "car", 0.8,
        new GeoPoint(46.9, 7.4, 560), PositionSource.Projected, new DateTimeOffset(2026, 12, 5, 8, 0, 0, TimeSpan.Zero), "x.jpg", 3,
        new BoxF(1.5f, 2, 30, 40), 4000, 3000, "box-1");
}
