using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using EdgeCity.Actors.Cluster;
using EdgeCity.Actors.Hosting;
using EdgeCity.Actors.Signals;
using EdgeCity.Actors.Tests.Signals;
using EdgeCity.Domain.Control.Controllers;
using EdgeCity.Domain.Sites;
using CorridorAdvice = EdgeCity.Actors.Cluster.Contracts.CorridorAdvice;

namespace EdgeCity.Actors.Tests.Cluster;

/// <summary>
/// A site's corridor across three boxes: the corridor singleton on one box advises a coordinator on another, and when
/// the singleton's box dies the coordinator keeps safe control on its own until the singleton runs again elsewhere.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CorridorAcrossBoxesSpec
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static readonly CorridorDefinition Corridor = new()
    {
        Id = "main", SpeedKmh = 45, AdviceSeconds = 6, // short advice so that its expiry shows within the spec
        Members = [new() { Intersection = "J1" }, new() { Intersection = "J2", Metres = 250 }],
    };

    [Fact]
    public async Task Advice_reaches_a_coordinator_on_another_box_which_keeps_safe_control_when_the_singletons_box_dies()
    {
        const string Crashable = "akka.coordinated-shutdown.run-by-actor-system-terminate = off";
        Action<Akka.Hosting.AkkaConfigurationBuilder> corridor = b => b.WithCorridorCoordinator(CorridorCoordinator.Props([Corridor], TimeProvider.System));
        await using var a = await ClusterTestNode.StartAsync([], hocon: Crashable, akka: corridor);
        await using var b = await ClusterTestNode.StartAsync([a.Address], akka: corridor);
        await using var c = await ClusterTestNode.StartAsync([a.Address], o => o.Roles = ["camera"], akka: corridor);
        await Eventually.HoldsAsync(() => new[] { a, b, c }.All(n => ThreeNodeClusterSpec.UpCount(n) == 3), Patience, "three Up members");

        // J2's coordinator runs on box C (a camera box that never hosts the singleton), fixed-time on the wall clock.
        var timings = SignalTestModels.Cross("J2");
        var settings = new IntersectionCoordinatorSettings(timings, new FixedTimeController(timings), new RecordingSignalHead(), new JsonLinesSignalAuditLog(new StringWriter()), TimeProvider.System);
        var j2 = c.System.ActorOf(IntersectionCoordinator.Props(settings), "coordinator-J2");
        var heard = new List<CorridorAdvice>();
        var listener = c.System.ActorOf(Props.Create(() => new Listener(heard)));
        await DistributedPubSub.Get(c.System).Mediator.Ask<SubscribeAck>(new Subscribe(ClusterTopics.CorridorAdvice, listener), TimeSpan.FromSeconds(10));

        // The singleton on box A advises J2 on box C: the common cycle is J2's own (the longest its members prefer).
        var advised = await StatusWhenAsync(j2, s => s.Advice is { CorridorId: "main" }, "corridor advice in J2's status on box C");
        Assert.Equal(new FixedTimeController(timings).NaturalCycleSeconds, advised.Advice!.CycleSeconds, 6);

        // Box A loses power. J2 keeps running its own safe plan: the advice expires and no rule is broken.
        var crashed = a.Address;
        var ticksBefore = advised.Ticks;
        await a.System.Terminate();
        var withoutAdvice = await StatusWhenAsync(j2, s => s.Advice is null, "J2 running without advice while the singleton is gone");
        Assert.True(withoutAdvice.Ticks > ticksBefore);
        Assert.Equal(0, withoutAdvice.RuleBreaks);

        // B and C down A; the singleton starts on B and its advice reaches J2 again.
        await Eventually.HoldsAsync(() => new[] { b, c }.All(n => n.Cluster.State.Members.All(m => m.Address != crashed)), Patience, "A downed and removed");
        int heardBefore;
        lock (heard)
        {
            heardBefore = heard.Count;
        }

        await Eventually.HoldsAsync(() => { lock (heard) { return heard.Count > heardBefore; } }, Patience, "advice from the singleton's new box");
        var again = await StatusWhenAsync(j2, s => s.Advice is { CorridorId: "main" }, "advice in J2's status again");
        Assert.Equal(0, again.RuleBreaks);
    }

    private static async Task<IntersectionStatus> StatusWhenAsync(IActorRef coordinator, Func<IntersectionStatus, bool> done, string what)
    {
        IntersectionStatus? last = null;
        await Eventually.HoldsAsync(
            async () =>
            {
                last = await coordinator.Ask<IntersectionStatus>(GetIntersectionStatus.Instance, TimeSpan.FromSeconds(5));
                return done(last);
            },
            Patience,
            what);
        return last!;
    }

    private sealed class Listener : ReceiveActor
    {
        public Listener(List<CorridorAdvice> heard) => Receive<CorridorAdvice>(a =>
        {
            lock (heard)
            {
                heard.Add(a);
            }
        });
    }
}
