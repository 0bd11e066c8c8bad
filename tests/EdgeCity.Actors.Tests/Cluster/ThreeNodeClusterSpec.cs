using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Tools.PublishSubscribe;
using EdgeCity.Actors.Cluster;
using EdgeCity.Actors.Cluster.Contracts;

namespace EdgeCity.Actors.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class ThreeNodeClusterSpec
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Three_nodes_on_loopback_join_the_first_and_see_each_other_up_with_their_roles()
    {
        await using var a = await ClusterTestNode.StartAsync([]);
        await using var b = await ClusterTestNode.StartAsync([a.Address], o => o.Roles = ["camera"]);
        await using var c = await ClusterTestNode.StartAsync([a.Address], o => o.Roles = ["camera", "gateway"]);

        await Eventually.HoldsAsync(() => new[] { a, b, c }.All(n => UpCount(n) == 3), Patience, "three Up members on every node");

        var members = a.Cluster.State.Members.ToDictionary(m => m.Address, m => m.Roles.OrderBy(r => r).ToArray());
        Assert.Equal(["camera", "coordinator", "gateway"], members[a.Address]);
        Assert.Equal(["camera"], members[b.Address]);
        Assert.Equal(["camera", "gateway"], members[c.Address]);
    }

    [Fact]
    public async Task Intersection_states_and_corridor_advice_published_on_one_node_reach_subscribers_on_another()
    {
        await using var a = await ClusterTestNode.StartAsync([]);
        await using var b = await ClusterTestNode.StartAsync([a.Address]);
        await Eventually.HoldsAsync(() => UpCount(a) == 2 && UpCount(b) == 2, Patience, "two Up members");
        var received = new List<object>();
        var subscriber = a.System.ActorOf(Props.Create(() => new Collector(received)));
        var mediatorA = DistributedPubSub.Get(a.System).Mediator;
        var mediatorB = DistributedPubSub.Get(b.System).Mediator;
        await mediatorA.Ask<SubscribeAck>(new Subscribe(ClusterTopics.IntersectionStates, subscriber), TimeSpan.FromSeconds(10));
        await mediatorA.Ask<SubscribeAck>(new Subscribe(ClusterTopics.CorridorAdvice, subscriber), TimeSpan.FromSeconds(10));
        var state = new IntersectionState("J2", DateTimeOffset.UnixEpoch, "P1", new Dictionary<string, string> { ["N_T"] = "G" }, "fixed", false, new Dictionary<string, double> { ["north"] = 7.5 });
        var advice = new CorridorAdvice("main", 80, new Dictionary<string, double> { ["J2"] = 12 }, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddMinutes(5));

        // Subscriptions spread by gossip: publish until both messages have arrived on the other node.
        await Eventually.HoldsAsync(
            () =>
            {
                mediatorB.Tell(new Publish(ClusterTopics.IntersectionStates, state));
                mediatorB.Tell(new Publish(ClusterTopics.CorridorAdvice, advice));
                lock (received)
                {
                    return received.OfType<IntersectionState>().Any() && received.OfType<CorridorAdvice>().Any();
                }
            },
            Patience,
            "a state and an advice from node B on node A");

        IntersectionState got;
        lock (received)
        {
            got = received.OfType<IntersectionState>().First();
        }

        Assert.NotSame(state, got);
        Assert.Equal("J2", got.IntersectionId);
        Assert.Equal(7.5, got.QueueMetres["north"]);
    }

    [Fact]
    public async Task A_coordinator_on_one_box_publishes_what_its_intersection_shows_to_subscribers_on_another()
    {
        await using var a = await ClusterTestNode.StartAsync([]);
        await using var b = await ClusterTestNode.StartAsync([a.Address]);
        await Eventually.HoldsAsync(() => UpCount(a) == 2 && UpCount(b) == 2, Patience, "two Up members");
        var received = new List<object>();
        var subscriber = a.System.ActorOf(Props.Create(() => new Collector(received)));
        await DistributedPubSub.Get(a.System).Mediator.Ask<SubscribeAck>(new Subscribe(ClusterTopics.IntersectionStates, subscriber), TimeSpan.FromSeconds(10));

        // A real coordinator on box B, on the wall clock, with no data: it runs its start-up fallback.
        var timings = EdgeCity.Actors.Tests.Signals.SignalTestModels.Cross("cross-b");
        var settings = new EdgeCity.Actors.Signals.IntersectionCoordinatorSettings(
            timings, new EdgeCity.Domain.Control.Controllers.ScheduleDrivenController(timings, new EdgeCity.Domain.Control.SaturationFlows(timings.Model)),
            new EdgeCity.Actors.Tests.Signals.RecordingSignalHead(), new EdgeCity.Actors.Signals.JsonLinesSignalAuditLog(new StringWriter()), TimeProvider.System);
        b.System.ActorOf(EdgeCity.Actors.Signals.IntersectionCoordinator.Props(settings), "coordinator-cross-b");

        // It publishes at every change and once a second: the subscriber on box A gets its state.
        await Eventually.HoldsAsync(
            () =>
            {
                lock (received)
                {
                    return received.OfType<IntersectionState>().Any(s => s.IntersectionId == "cross-b");
                }
            },
            Patience,
            "box B's intersection state on box A");
        IntersectionState got;
        lock (received)
        {
            got = received.OfType<IntersectionState>().Last(s => s.IntersectionId == "cross-b");
        }

        Assert.Equal("schedule", got.Controller);
        Assert.True(got.Fallback); // no data yet
        Assert.Equal(timings.Model.Movements.Select(m => m.Id).Order(), got.Indications.Keys.Order());
        Assert.All(got.Indications.Values, v => Assert.Contains(v, (string[])["G", "g", "y", "r"]));
    }

    [Fact]
    public async Task The_singleton_moves_to_the_next_oldest_coordinator_when_its_node_leaves()
    {
        await using var a = await ClusterTestNode.StartAsync([]);
        await using var b = await ClusterTestNode.StartAsync([a.Address]);
        await using var c = await ClusterTestNode.StartAsync([a.Address], o => o.Roles = ["camera"]);
        await Eventually.HoldsAsync(() => new[] { a, b, c }.All(n => UpCount(n) == 3), Patience, "three Up members");
        Assert.Equal(a.Address.ToString(), await AskUntilAnsweredAsync(c));

        await a.Cluster.LeaveAsync();

        // B is the only other coordinator; C (camera only) never hosts it but reaches it through its proxy.
        await Eventually.HoldsAsync(async () => await c.AskSingletonWhereAsync(TimeSpan.FromSeconds(2)) == b.Address.ToString(), Patience, "singleton answering from B");
        Assert.Equal(b.Address.ToString(), await b.AskSingletonWhereAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task The_singleton_moves_when_its_node_crashes_and_the_survivors_down_it()
    {
        // The crashing node neither leaves nor runs its shutdown: like a box losing power.
        const string Crashable = "akka.coordinated-shutdown.run-by-actor-system-terminate = off";
        await using var a = await ClusterTestNode.StartAsync([], hocon: Crashable);
        await using var b = await ClusterTestNode.StartAsync([a.Address]);
        await using var c = await ClusterTestNode.StartAsync([a.Address], o => o.Roles = ["camera"]);
        await Eventually.HoldsAsync(() => new[] { a, b, c }.All(n => UpCount(n) == 3), Patience, "three Up members");
        Assert.Equal(a.Address.ToString(), await AskUntilAnsweredAsync(c));
        var crashed = a.Address;

        await a.System.Terminate();

        await Eventually.HoldsAsync(() => new[] { b, c }.All(n => n.Cluster.State.Members.All(m => m.Address != crashed) && UpCount(n) == 2), Patience, "A downed and removed by B and C");
        await Eventually.HoldsAsync(async () => await c.AskSingletonWhereAsync(TimeSpan.FromSeconds(2)) == b.Address.ToString(), Patience, "singleton answering from B");
    }

    internal static int UpCount(ClusterTestNode node) =>
        node.Cluster.State.Members.Count(m => m.Status == MemberStatus.Up && !node.Cluster.State.Unreachable.Contains(m));

    internal static async Task<string> AskUntilAnsweredAsync(ClusterTestNode node)
    {
        string? answer = null;
        await Eventually.HoldsAsync(
            async () =>
            {
                answer = await node.AskSingletonWhereAsync(TimeSpan.FromSeconds(2));
                return true;
            },
            Patience,
            "the singleton to answer");
        return answer!;
    }

    private sealed class Collector : ReceiveActor
    {
        public Collector(List<object> received) =>
            ReceiveAny(m =>
            {
                lock (received)
                {
                    received.Add(m);
                }
            });
    }
}
