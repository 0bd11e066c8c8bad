using Akka.Actor;
using Akka.Cluster;
using Akka.Remote;
using Akka.Remote.Transport;

namespace EdgeCity.Actors.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class PartitionSpec
{
    private const string Throttled = "akka.remote.dot-netty.tcp.applied-adapters = [\"trttl\"]";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_blackholed_node_keeps_its_local_work_running_while_the_majority_downs_it_and_carries_on()
    {
        await using var a = await ClusterTestNode.StartAsync([], hocon: Throttled);
        await using var b = await ClusterTestNode.StartAsync([a.Address], hocon: Throttled);
        await using var c = await ClusterTestNode.StartAsync([a.Address], hocon: Throttled);
        await Eventually.HoldsAsync(() => new[] { a, b, c }.All(n => ThreeNodeClusterSpec.UpCount(n) == 3), Patience, "three Up members");
        Assert.Equal(a.Address.ToString(), await ThreeNodeClusterSpec.AskUntilAnsweredAsync(c));
        // Stands in for C's intersection coordinators: purely local work on C's own actor system.
        var intersection = c.System.ActorOf(Props.Create<TickingIntersection>(), "intersection-J3");

        await BlackholeAsync(c, a.Address, b.Address);
        await BlackholeAsync(a, c.Address);
        await BlackholeAsync(b, c.Address);

        // The majority (A, B) downs C and carries on with the singleton where it was.
        await Eventually.HoldsAsync(() => new[] { a, b }.All(n => n.Cluster.State.Members.All(m => m.Address != c.Address) && ThreeNodeClusterSpec.UpCount(n) == 2), Patience, "C downed and removed by A and B");
        Assert.Equal(a.Address.ToString(), await b.AskSingletonWhereAsync(TimeSpan.FromSeconds(10)));

        // The minority (C) downs itself, but its actor system and its intersection keep running on local decisions.
        await Eventually.HoldsAsync(() => c.Cluster.IsTerminated || c.Cluster.SelfMember.Status is MemberStatus.Down or MemberStatus.Removed, Patience, "C out of the cluster");
        var ticks = await intersection.Ask<int>(TickingIntersection.HowMany, TimeSpan.FromSeconds(5));
        await Eventually.HoldsAsync(async () => await intersection.Ask<int>(TickingIntersection.HowMany, TimeSpan.FromSeconds(5)) >= ticks + 10, Patience, "C's intersection still ticking");
        Assert.False(c.System.WhenTerminated.IsCompleted);

        // Corridor advice simply stops on C: its proxy no longer reaches a singleton.
        await Assert.ThrowsAnyAsync<Exception>(() => c.AskSingletonWhereAsync(TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task A_link_that_drops_for_less_than_stable_after_downs_nobody()
    {
        // A flapping radio link: C is cut long enough to be marked unreachable, then the link comes back before the
        // split-brain resolver's stable-after has passed. Nobody may be downed.
        static void Flappy(Actors.Hosting.EdgeCityClusterOptions o) => o.Timings = new()
        {
            HeartbeatInterval = TimeSpan.FromSeconds(1),
            AcceptableHeartbeatPause = TimeSpan.FromSeconds(3),
            StableAfter = TimeSpan.FromSeconds(20),
            DownAllWhenUnstable = TimeSpan.FromSeconds(30),
        };
        await using var a = await ClusterTestNode.StartAsync([], Flappy, hocon: Throttled);
        await using var b = await ClusterTestNode.StartAsync([a.Address], Flappy, hocon: Throttled);
        await using var c = await ClusterTestNode.StartAsync([a.Address], Flappy, hocon: Throttled);
        await Eventually.HoldsAsync(() => new[] { a, b, c }.All(n => ThreeNodeClusterSpec.UpCount(n) == 3), Patience, "three Up members");
        var cBefore = c.Cluster.SelfUniqueAddress;

        await BlackholeAsync(c, a.Address, b.Address);
        await Eventually.HoldsAsync(() => a.Cluster.State.Unreachable.Any(m => m.Address == c.Address), Patience, "C unreachable from A");
        await ThrottleAsync(c, Unthrottled.Instance, a.Address, b.Address);

        await Eventually.HoldsAsync(
            () => new[] { a, b, c }.All(n => ThreeNodeClusterSpec.UpCount(n) == 3 && n.Cluster.State.Unreachable.Count == 0),
            Patience,
            "all three Up and reachable again");
        Assert.Equal(cBefore, c.Cluster.SelfUniqueAddress);
        Assert.Equal(MemberStatus.Up, c.Cluster.SelfMember.Status);
        Assert.Contains(a.Cluster.State.Members, m => m.UniqueAddress == cBefore && m.Status == MemberStatus.Up);
    }

    private static Task BlackholeAsync(ClusterTestNode from, params Address[] to) => ThrottleAsync(from, Blackhole.Instance, to);

    private static async Task ThrottleAsync(ClusterTestNode from, ThrottleMode mode, params Address[] to)
    {
        var transport = ((IRemoteActorRefProvider)((ExtendedActorSystem)from.System).Provider).Transport;
        foreach (var address in to)
        {
            Assert.True(await transport.ManagementCommand(new SetThrottle(address, ThrottleTransportAdapter.Direction.Both, mode)));
        }
    }

    private sealed class TickingIntersection : ReceiveActor, IWithTimers
    {
        public const string HowMany = "how-many";
        private const string Tick = "tick";
        private int _ticks;

        public TickingIntersection()
        {
            Receive<string>(m => m == Tick, _ => _ticks++);
            Receive<string>(m => m == HowMany, _ => Sender.Tell(_ticks));
        }

        public ITimerScheduler Timers { get; set; } = null!;

        protected override void PreStart() => Timers.StartPeriodicTimer(Tick, Tick, TimeSpan.FromMilliseconds(100));
    }
}
