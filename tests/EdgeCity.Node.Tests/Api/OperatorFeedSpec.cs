using System.Net.Http.Json;
using System.Text.Json;
using Akka.Cluster.Tools.PublishSubscribe;
using EdgeCity.Actors.Cluster;
using EdgeCity.Actors.Cluster.Contracts;

namespace EdgeCity.Node.Tests.Api;

[Collection(OperatorNodeCollection.Name)]
public sealed class OperatorFeedSpec
{
    [Fact]
    public async Task Intersections_run_by_other_nodes_appear_from_the_cluster_topic()
    {
        await using var node = await OperatorNode.StartAsync();
        var mediator = DistributedPubSub.Get(node.System).Mediator;
        var state = new IntersectionState("K7", DateTimeOffset.UtcNow, "p1", new Dictionary<string, string> { ["K7_n_s"] = "G", ["K7_w_e"] = "r" }, "max-pressure", true, new Dictionary<string, double> { ["north"] = 42.5 });

        // The subscription is asynchronous: publish until the view has it.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        JsonElement? k7 = null;
        while (k7 is null && DateTime.UtcNow < deadline)
        {
            mediator.Tell(new Publish(ClusterTopics.IntersectionStates, state), Akka.Actor.ActorRefs.NoSender);
            await Task.Delay(200);
            var list = await node.Http.GetFromJsonAsync<JsonElement>("/api/intersections");
            k7 = list.EnumerateArray().Cast<JsonElement?>().FirstOrDefault(x => x!.Value.GetProperty("id").GetString() == "K7");
        }

        Assert.NotNull(k7);
        Assert.Equal("p1", k7.Value.GetProperty("phase").GetString());
        Assert.Equal("max-pressure", k7.Value.GetProperty("controller").GetString());
        Assert.Equal("fallback", k7.Value.GetProperty("fallback").GetString());
        Assert.Equal("G", k7.Value.GetProperty("indications").GetProperty("K7_n_s").GetString());
        Assert.Equal(42.5, k7.Value.GetProperty("approaches")[0].GetProperty("latest").GetProperty("queueMetres").GetDouble());
    }

    [Fact]
    public async Task The_event_stream_sends_snapshots_of_intersections_cameras_and_cluster()
    {
        await using var node = await OperatorNode.StartAsync();
        await node.StartCoordinatorsAsync();
        node.Measure(0);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/events");
        using var response = await node.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        var snapshots = new List<JsonElement>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (snapshots.Count < 2 && await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                snapshots.Add(JsonDocument.Parse(line["data: ".Length..]).RootElement);
                node.Measure(snapshots.Count);
            }
        }

        Assert.Equal(2, snapshots.Count);
        Assert.True(snapshots[1].GetProperty("version").GetInt64() > snapshots[0].GetProperty("version").GetInt64());
        Assert.Equal(node.Site.Intersections.Select(x => x.Id), snapshots[1].GetProperty("intersections").EnumerateArray().Select(x => x.GetProperty("id").GetString()));
        Assert.Equal(node.Site.Cameras.Count, snapshots[1].GetProperty("cameras").GetArrayLength());
        Assert.Single(snapshots[1].GetProperty("cluster").GetProperty("members").EnumerateArray());
    }
}
