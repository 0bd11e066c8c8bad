using Akka.Actor;
using EdgeCity.Actors.Signals;
using EdgeCity.Domain.Control.Controllers;

namespace EdgeCity.Actors.Tests.Signals;

public sealed class CorridorCoordinatorSpec : Akka.TestKit.Xunit2.TestKit
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Offers_a_common_cycle_and_offsets_from_positions_and_progression_speed()
    {
        var time = new ManualTimeProvider(Start);
        var a = CreateTestProbe();
        var b = CreateTestProbe();
        var c = CreateTestProbe();
        var corridor = new CorridorDefinition("main", [new("a", 0, a), new("b", 300, b, "EW"), new("c", 800, c)], 12.5);

        var actor = Sys.ActorOf(CorridorCoordinator.Props(corridor, time));

        Assert.Equal((40.0, 0.0), Advice(a.ExpectMsg<CorridorAdviceOffer>()));
        var toB = b.ExpectMsg<CorridorAdviceOffer>();
        Assert.Equal((40.0, 24.0), Advice(toB));
        Assert.Equal("EW", toB.Advice.CoordinatedPhaseId);
        Assert.Equal(Start + TimeSpan.FromMinutes(5), toB.ValidUntil);
        Assert.Equal((40.0, 24.0), Advice(c.ExpectMsg<CorridorAdviceOffer>()));

        // b needs a longer cycle: everyone moves to it.
        actor.Tell(new PreferredCycle("b", 90));
        Assert.Equal((90.0, 0.0), Advice(a.ExpectMsg<CorridorAdviceOffer>()));
        Assert.Equal((90.0, 24.0), Advice(b.ExpectMsg<CorridorAdviceOffer>()));
        Assert.Equal((90.0, 64.0), Advice(c.ExpectMsg<CorridorAdviceOffer>()));

        // Advice is refreshed before it expires.
        time.Advance(TimeSpan.FromMinutes(2.5));
        Assert.Equal(Start + TimeSpan.FromMinutes(7.5), a.ExpectMsg<CorridorAdviceOffer>().ValidUntil);
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

    private static (double Cycle, double Offset) Advice(CorridorAdviceOffer offer) =>
        (offer.Advice.CycleSeconds, Math.Round(offer.Advice.OffsetSeconds, 6));
}
