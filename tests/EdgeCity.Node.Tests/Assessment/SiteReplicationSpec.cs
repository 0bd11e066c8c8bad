using System.Diagnostics;
using System.Text.Json;
using EdgeCity.Node.Tests.Cli;
using EdgeCity.Testing;
using Xunit.Abstractions;

namespace EdgeCity.Node.Tests.Assessment;

/// <summary>
/// Three real nodes of a disaster site (two boxes and a command post), every link between them a TCP relay the spec
/// cuts and heals: while cut, each box assesses its own imagery into its own store; once healed, every box and the
/// command post hold every finding exactly once, and a mark made during the cut has travelled too.
/// </summary>
public sealed class SiteReplicationSpec(ITestOutputHelper output) : IDisposable
{
    private const string Token = "site-token-0123456789abcdef";
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("ec-site-");

    private static string Sample => Path.Combine(RepositoryRoot.FullName, "models", "testdata", "assessment");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task Boxes_cut_off_from_each_other_and_the_command_post_converge_on_every_finding_exactly_once_after_the_cut_heals()
    {
        await using var aToB = new TcpRelay();
        await using var bToA = new TcpRelay();
        await using var aToPost = new TcpRelay();
        await using var bToPost = new TcpRelay();
        TcpRelay[] links = [aToB, bToA, aToPost, bToPost];
        foreach (var l in links)
        {
            l.Cut();
        }

        using var post = Start("post", peers: "[]", commandPost: "null");
        using var a = Start("box-a", peers: $"[{{\"name\":\"box-b\",\"url\":\"{aToB.Url}\"}}]", commandPost: $"{{\"url\":\"{aToPost.Url}\"}}");
        using var b = Start("box-b", peers: $"[{{\"name\":\"box-a\",\"url\":\"{bToA.Url}\"}}]", commandPost: $"{{\"url\":\"{bToPost.Url}\"}}");
        using var postHttp = await NodeHttp.ClientAsync(post.Node);
        using var aHttp = await NodeHttp.ClientAsync(a.Node);
        using var bHttp = await NodeHttp.ClientAsync(b.Node);
        (aToB.Target, bToA.Target, aToPost.Target, bToPost.Target) = (bHttp.BaseAddress, aHttp.BaseAddress, postHttp.BaseAddress, postHttp.BaseAddress);

        // Cut off: box A assesses two photos, box B the other two; each holds only its own.
        foreach (var (box, photos) in new[] { (a, new[] { "overpass-0001.jpg", "cctv-0004.jpg" }), (b, new[] { "drone-0003.jpg", "overpass-0002.jpg" }) })
        {
            foreach (var p in photos)
            {
                File.Copy(Path.Combine(Sample, p), Path.Combine(box.Inbox, p));
            }
        }

        var aOwn = await Ids(aHttp, a, assessed: 2);
        var bOwn = await Ids(bHttp, b, assessed: 2);
        await Task.Delay(TimeSpan.FromSeconds(6)); // three replication rounds against cut links
        Assert.Equal(aOwn.Order(), (await Findings(aHttp)).Select(f => f.Id).Order());
        Assert.Equal(bOwn.Order(), (await Findings(bHttp)).Select(f => f.Id).Order());
        Assert.Empty(await Findings(postHttp));
        Assert.Contains("\"waiting\":" + aOwn.Count, await aHttp.GetStringAsync("/api/assessment/status"), StringComparison.Ordinal);

        // A team checks one of box A's findings while the links are down.
        using (var mark = new HttpRequestMessage(HttpMethod.Post, $"/api/findings/{aOwn[0]}/check"))
        {
            mark.Headers.Authorization = new("Bearer", Token);
            Assert.True((await aHttp.SendAsync(mark)).IsSuccessStatusCode);
        }

        foreach (var l in links)
        {
            l.Heal();
        }

        var healed = Stopwatch.StartNew();
        var all = aOwn.Concat(bOwn).Order().ToList();
        foreach (var (http, node) in new[] { (aHttp, a.Node), (bHttp, b.Node), (postHttp, post.Node) })
        {
            await NodeHttp.UntilAsync(http, "/api/findings", body => body.Length > 0 && Parse(body).Select(f => f.Id).Order().SequenceEqual(all) && Parse(body).Any(f => f.Id == aOwn[0] && f.Checked), node, "not every finding (and the mark) everywhere", seconds: 90);
        }

        output.WriteLine($"{all.Count} findings on every node and the command post {healed.Elapsed.TotalSeconds:F1} s after the links healed");
        foreach (var http in new[] { aHttp, bHttp, postHttp })
        {
            var ids = (await Findings(http)).Select(f => f.Id).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
        }

        // Thumbnails did not travel with the findings; asked for on box B, one of box A's comes from box A.
        using var thumb = await bHttp.GetAsync($"/api/findings/{aOwn[0]}/thumbnail");
        Assert.Equal("image/jpeg", thumb.Content.Headers.ContentType?.MediaType);
        await NodeHttp.UntilAsync(aHttp, "/api/assessment/status", s => s.Contains("\"waiting\":0", StringComparison.Ordinal) && s.Contains($"\"acknowledged\":{aOwn.Count}", StringComparison.Ordinal), a.Node, "box A's queue to the command post not drained");
    }

    private static List<(string Id, bool Checked)> Parse(string body) =>
        JsonDocument.Parse(body).RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (f.GetProperty("id").GetString()!, f.GetProperty("checkedAt").ValueKind == JsonValueKind.String)).ToList();

    private static async Task<List<(string Id, bool Checked)>> Findings(HttpClient http) => Parse(await http.GetStringAsync("/api/findings"));

    /// <summary>
    /// The box's findings once its inbox has assessed <paramref name="assessed"/> images: the count first, then the
    /// findings (an image's findings are stored before it counts as assessed, so none can be missing).
    /// </summary>
    private static async Task<List<string>> Ids(HttpClient http, Box box, int assessed)
    {
        await NodeHttp.UntilAsync(
            http, "/api/assessment/status",
            b => b.Length > 0 && JsonDocument.Parse(b).RootElement.GetProperty("inbox").GetProperty("assessed").GetInt64() == assessed,
            box.Node, "the inbox was not assessed", seconds: 120);
        var ids = (await Findings(http)).Select(f => f.Id).ToList();
        Assert.NotEmpty(ids);
        return ids;
    }

    private Box Start(string name, string peers, string commandPost)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir.FullName, name)).FullName;
        var site = Path.Combine(folder, "site.json");
        Directory.CreateDirectory(Path.Combine(folder, "inbox"));
        File.WriteAllText(site, $$"""
            { "name": "replication", "assessment": { "inbox": "inbox", "peers": {{peers}}, "commandPost": {{commandPost}} } }
            """);
        var node = DisasterSiteNode.Start(site, folder, new Dictionary<string, string>
        {
            ["EdgeCity__Assessment__Node"] = name,
            ["EdgeCity__Assessment__CommandPostToken"] = Token,
            ["EdgeCity__Assessment__SyncSeconds"] = "1",
            ["EdgeCity__Api__Token"] = Token,
        });
        return new Box(node, Path.Combine(folder, "inbox"));
    }

    private sealed record Box(NodeProcess Node, string Inbox) : IDisposable
    {
        public void Dispose() => Node.Dispose();
    }
}
