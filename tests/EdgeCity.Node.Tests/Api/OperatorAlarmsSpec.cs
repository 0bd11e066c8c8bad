using EdgeCity.Actors.Signals;
using EdgeCity.Domain.Control;
using EdgeCity.Domain.Sites;
using EdgeCity.Node.Api;

namespace EdgeCity.Node.Tests.Api;

public sealed class OperatorAlarmsSpec
{
    private static readonly SiteDefinition Site = new()
    {
        Name = "s",
        Intersections = [new IntersectionDefinition { Id = "J1", Controller = "schedule", Approaches = [new ApproachDefinition { Id = "N" }] }],
    };

    private static IntersectionStatus Status(string? headFault, string? handedBack) => new(
        "J1", "schedule", new SignalState(0, new Dictionary<string, SignalIndication> { ["n"] = SignalIndication.Green }, "p0", false, 0), FallbackMode.None, [], 10, 1, 0, 0, null)
    {
        HeadFault = headFault,
        HandedBack = handedBack,
    };

    [Fact]
    public void A_failing_head_a_hand_back_and_an_unreachable_member_are_alarms_that_clear_when_they_end()
    {
        var view = new OperatorView(Site, TimeProvider.System);
        view.Apply(Status("signal head traci failed to apply p0: connection refused", "waits 300 s on N"));
        var cluster = new ClusterSnapshot("a", "a", "a", [new ClusterMemberSnapshot("akka.tcp://edgecity@10.0.0.2:4053", "Up", ["camera"], Reachable: false, IsSelf: false, RunsSingleton: false)]);

        Assert.True(view.Alarms.Refresh(view, null, cluster));

        var active = view.Alarms.Active().ToDictionary(a => a.Id);
        Assert.Equal("signal head traci failed to apply p0: connection refused", active["head:J1"].Reason);
        Assert.Equal("supervisor handed back to actuated control: waits 300 s on N", active["handed-back:J1"].Reason);
        Assert.Contains("is unreachable", active["link:akka.tcp://edgecity@10.0.0.2:4053"].Reason);
        Assert.False(view.Alarms.Refresh(view, null, cluster)); // nothing changed

        view.Apply(Status(null, null));
        Assert.True(view.Alarms.Refresh(view, null, cluster with { Members = [] }));
        Assert.Empty(view.Alarms.Active());
        Assert.Equal(3, view.Alarms.Recent().Count);
    }
}
