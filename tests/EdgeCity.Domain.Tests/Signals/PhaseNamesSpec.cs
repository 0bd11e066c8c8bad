using EdgeCity.Domain.Signals;

namespace EdgeCity.Domain.Tests.Signals;

public sealed class PhaseNamesSpec
{
    private static readonly IntersectionSignalModel Model = new(
        "J1",
        [
            new Movement("n.straight", "n", TurnDirection.Straight, [0]),
            new Movement("n.left", "n", TurnDirection.Left, [1]),
            new Movement("s.straight", "s", TurnDirection.Straight, [2]),
            new Movement("s.left", "s", TurnDirection.Left, [3]),
            new Movement("w.straight", "w", TurnDirection.Straight, [4]),
            new Movement("w.right", "w", TurnDirection.Right, [5]),
            new Movement("walk.w", "w", TurnDirection.Straight, [6], MovementKind.Pedestrian),
        ],
        new ConflictMatrix(),
        [
            new Phase("p0", new HashSet<string> { "n.straight", "s.straight" }, new HashSet<string> { "n.left", "s.left" }, 5, 60, 30),
            new Phase("p2", new HashSet<string> { "n.left", "s.left" }, new HashSet<string>(), 5, 20, 10),
            new Phase("p4", new HashSet<string> { "w.straight", "w.right", "walk.w" }, new HashSet<string>(), 5, 40, 20),
            new Phase("p6", new HashSet<string>(), new HashSet<string>(), 2, 2, 2),
        ],
        new Dictionary<string, Intergreen>());

    private static readonly Dictionary<string, string> Streets = new() { ["n"] = "Via Roma N", ["s"] = "Via Roma S", ["w"] = "Viale Po" };

    [Fact]
    public void Approaches_with_the_same_turns_are_named_together_and_turns_that_give_way_say_they_yield()
    {
        var names = PhaseNames.Of(Model, a => Streets[a]);

        Assert.Equal("Via Roma N, Via Roma S (left yields)", names["p0"]);
    }

    [Fact]
    public void A_phase_serving_only_some_turns_names_them()
    {
        Assert.Equal("Via Roma N, Via Roma S left", PhaseNames.Of(Model, a => Streets[a])["p2"]);
    }

    [Fact]
    public void An_approach_with_every_turn_protected_is_named_alone_and_a_walk_green_is_added()
    {
        Assert.Equal("Viale Po · walk", PhaseNames.Of(Model, a => Streets[a])["p4"]);
    }

    [Fact]
    public void Some_turns_of_an_approach_with_one_giving_way_name_the_protected_ones_and_the_yielding_one()
    {
        var phase = new Phase("p8", new HashSet<string> { "w.straight" }, new HashSet<string> { "n.left" }, 5, 40, 20);
        var model = Model with { Phases = [phase] };

        Assert.Equal("Via Roma N left (yields) · Viale Po straight", PhaseNames.Of(model, a => Streets[a])["p8"]);
    }

    [Fact]
    public void A_phase_without_greens_is_all_red()
    {
        Assert.Equal("all red", PhaseNames.Of(Model, a => a)["p6"]);
    }
}
