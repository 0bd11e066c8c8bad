using EdgeCity.Domain.Signals;

namespace EdgeCity.Domain.Tests.Signals;

public sealed class SignalStateStringSpec
{
    private static readonly IntersectionSignalModel Model = new(
        "J1",
        [
            new Movement("W.straight", "W", TurnDirection.Straight, [0, 1]),
            new Movement("W.left", "W", TurnDirection.Left, [2]),
            new Movement("N.straight", "N", TurnDirection.Straight, [3]),
        ],
        new ConflictMatrix().AddYield("W.left", "N.straight").AddFoes("W.straight", "N.straight"),
        [
            new Phase("east-west", new HashSet<string> { "W.straight" }, new HashSet<string> { "W.left" }, 10, 60, 40),
            new Phase("north", new HashSet<string> { "N.straight" }, new HashSet<string>(), 5, 40, 20),
        ],
        new Dictionary<string, Intergreen>());

    [Fact]
    public void A_phase_writes_protected_greens_as_G_permissive_as_g_and_the_rest_red()
    {
        Assert.Equal("GGgr", SignalStateString.ForPhase(Model, Model.Phases[0], 4));
        Assert.Equal("rrrG", SignalStateString.ForPhase(Model, Model.Phases[1], 4));
    }

    [Fact]
    public void A_clearance_shows_yellow_for_greens_that_end()
    {
        Assert.Equal("yyyr", SignalStateString.ForClearance(Model, Model.Phases[0], Model.Phases[1], 4));
        Assert.Equal("rrrr", SignalStateString.AllRed(4));
    }

    [Fact]
    public void A_program_adds_up_its_cycle_and_the_green_of_each_phase()
    {
        var program = new SignalProgram("0",
        [
            new SignalProgramStep("GGgr", 40, 10, 60, "east-west"),
            new SignalProgramStep("yyyr", 3, 3, 3, null),
            new SignalProgramStep("rrrG", 20, 5, 40, "north"),
            new SignalProgramStep("rrry", 3, 3, 3, null),
        ]);

        Assert.Equal(66, program.CycleSeconds);
        Assert.Equal(4, program.LinkCount);
        Assert.Equal(40, program.GreenSeconds()["east-west"]);
        Assert.False(program.Steps[1].IsGreenStage);
    }
}
