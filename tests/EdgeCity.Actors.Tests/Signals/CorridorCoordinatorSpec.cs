using Akka.Actor;
using EdgeCity.Actors.Cluster.Contracts;
using EdgeCity.Actors.Signals;
using EdgeCity.Domain.Sites;
using EdgeCity.Domain.Control.Controllers;

namespace EdgeCity.Actors.Tests.Signals;

public sealed class CorridorCoordinatorSpec : Akka.TestKit.Xunit2.TestKit
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Offers_a_common_cycle_and_offsets_from_positions_and_progression_speed()
    {
        var time = new ManualTimeProvider(Start);
        var advice = CreateTestProbe();
        Sys.EventStream.Subscribe(advice, typeof(CorridorAdvice));
        var corridor = new CorridorDefinition
        {
            Id = "main", SpeedKmh = 45, // 12.5 m/s
            Members = [new() { Intersection = "a" }, new() { Intersection = "b", Metres = 300, Phase = "EW" }, new() { Intersection = "c", Metres = 800 }],
        };

        var actor = Sys.ActorOf(CorridorCoordinator.Props([corridor], time));

        var first = advice.ExpectMsg<CorridorAdvice>();
        Assert.Equal(("main", 40.0), (first.CorridorId, first.CycleSeconds));
        Assert.Equal([0.0, 24.0, 24.0], Offsets(first));
        Assert.Equal("EW", first.CoordinatedPhases["b"]);
        Assert.False(first.CoordinatedPhases.ContainsKey("a"));
        Assert.Equal(Start + TimeSpan.FromMinutes(5), first.ValidUntil);

        // b needs a longer cycle (its state says so, from whichever box runs it): everyone moves to it.
        actor.Tell(new IntersectionState("b", Start, "EW", new Dictionary<string, string>(), "webster", false, new Dictionary<string, double>()) { PreferredCycleSeconds = 90 });
        var longer = advice.ExpectMsg<CorridorAdvice>();
        Assert.Equal(90.0, longer.CycleSeconds);
        Assert.Equal([0.0, 24.0, 64.0], Offsets(longer));

        // Advice is refreshed before it expires.
        time.Advance(TimeSpan.FromMinutes(2.5));
        Assert.Equal(Start + TimeSpan.FromMinutes(7.5), advice.ExpectMsg<CorridorAdvice>().ValidUntil);
    }

    [Fact]
    public void A_member_that_reports_no_advice_gets_it_again_without_waiting_for_the_refresh()
    {
        var time = new ManualTimeProvider(Start);
        var advice = CreateTestProbe();
        Sys.EventStream.Subscribe(advice, typeof(CorridorAdvice));
        var corridor = new CorridorDefinition { Id = "main", SpeedKmh = 45, Members = [new() { Intersection = "a" }, new() { Intersection = "b", Metres = 300 }] };
        var actor = Sys.ActorOf(CorridorCoordinator.Props([corridor], time));
        advice.ExpectMsg<CorridorAdvice>();
        IntersectionState State(string id, string? corridorId) =>
            new(id, time.GetUtcNow(), "p0", new Dictionary<string, string>(), "fixed", false, new Dictionary<string, double>()) { CorridorId = corridorId };

        // b started after the offer (or its subscription was still spreading): its state says it holds no advice.
        time.Advance(TimeSpan.FromSeconds(CorridorCoordinator.CatchUpSeconds));
        actor.Tell(State("b", null));
        Assert.Equal("main", advice.ExpectMsg<CorridorAdvice>().CorridorId);

        // Once a second until the advice lands, but re-sent at most every few seconds; a member holding it, or an
        // intersection in no corridor, changes nothing.
        actor.Tell(State("b", null));
        time.Advance(TimeSpan.FromSeconds(1));
        actor.Tell(State("a", "main"));
        actor.Tell(State("z", null));
        advice.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        time.Advance(TimeSpan.FromSeconds(CorridorCoordinator.CatchUpSeconds));
        actor.Tell(State("b", null));
        advice.ExpectMsg<CorridorAdvice>();
    }

    [Fact]
    public void Absolute_offsets_become_the_coordinators_own_clock_and_the_advice_holds_as_long_as_issued_from_arrival()
    {
        var advice = new CorridorAdvice("main", 90, new Dictionary<string, double> { ["b"] = 24 }, Start, Start + TimeSpan.FromMinutes(5))
        {
            CoordinatedPhases = new Dictionary<string, string> { ["b"] = "EW" },
        };
        var coordinatorStart = DateTimeOffset.UnixEpoch.AddSeconds((90 * 20_000_000L) + 30); // 30 s into a common cycle
        var arrival = Start + TimeSpan.FromMinutes(20); // this box's clock runs ahead of the singleton's

        var offer = CorridorAdviceIntake.For("b", advice, coordinatorStart, arrival)!;

        Assert.Equal(84.0, offer.Advice.OffsetSeconds, 6); // 24 s after a cycle start is 90 - 30 + 24 = 84 s on the coordinator's clock
        Assert.Equal("EW", offer.Advice.CoordinatedPhaseId);
        Assert.Equal(arrival + TimeSpan.FromMinutes(5), offer.ValidUntil);
        Assert.Null(CorridorAdviceIntake.For("z", advice, coordinatorStart, arrival)); // not a member
    }

    [Fact]
    public async Task A_coordinator_takes_advice_while_valid_reports_its_cycle_and_runs_without_it_after()
    {
        var time = new ManualTimeProvider(Start);
        var timings = SignalTestModels.Cross("corridor-member");
        var settings = new IntersectionCoordinatorSettings(timings, new FixedTimeController(timings), new RecordingSignalHead(), new JsonLinesSignalAuditLog(TextWriter.Null), time);
        var coordinator = Sys.ActorOf(IntersectionCoordinator.Props(settings));
        var corridor = CreateTestProbe();

        coordinator.Tell(new CorridorAdviceOffer("corridor-member", new("main", 120, 30, "NS"), Start + TimeSpan.FromSeconds(60)), corridor);
        var preferred = corridor.ExpectMsg<PreferredCycle>();
        Assert.Equal("corridor-member", preferred.IntersectionId);
        Assert.True(preferred.CycleSeconds > 60);

        time.AdvanceInSteps(TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100));
        var status = await coordinator.Ask<IntersectionStatus>(GetIntersectionStatus.Instance);
        Assert.Equal(120.0, status.Advice?.CycleSeconds);

        time.AdvanceInSteps(TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(100));
        status = await coordinator.Ask<IntersectionStatus>(GetIntersectionStatus.Instance);
        Assert.Null(status.Advice);
        Assert.Equal(700, status.Ticks);
    }

    private static double[] Offsets(CorridorAdvice advice) => new[] { "a", "b", "c" }.Select(m => Math.Round(advice.OffsetSeconds[m], 6)).ToArray();
}
