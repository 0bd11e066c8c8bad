using EdgeCity.Domain.Control;
using EdgeCity.Domain.Signals;

namespace EdgeCity.Actors.Tests.Signals;

/// <summary>A four-phase cross with permissive lefts and a pedestrian crossing, named per test so metrics stay apart.</summary>
internal static class SignalTestModels
{
    public static SignalTimings Cross(string id)
    {
        var conflicts = new ConflictMatrix()
            .AddFoes("ns", "ew").AddFoes("ns", "ewl").AddFoes("ew", "nsl").AddFoes("nsl", "ewl")
            .AddYield("nsl", "ns").AddYield("ewl", "ew").AddFoes("pw", "ew").AddFoes("pw", "ewl").AddYield("nsl", "pw");
        var model = new IntersectionSignalModel(
            id,
            [
                new Movement("ns", "north", TurnDirection.Straight, [0, 1]),
                new Movement("nsl", "north", TurnDirection.Left, [2]),
                new Movement("ew", "east", TurnDirection.Straight, [3, 4]),
                new Movement("ewl", "east", TurnDirection.Left, [5]),
                new Movement("pw", "north", TurnDirection.Straight, [6], MovementKind.Pedestrian),
            ],
            conflicts,
            [
                Phase("NS", ["ns", "pw"], ["nsl"], 6, 40, 25),
                Phase("NSL", ["nsl"], [], 4, 15, 8),
                Phase("EW", ["ew"], ["ewl"], 6, 40, 25),
                Phase("EWL", ["ewl"], [], 4, 15, 8),
            ],
            new Dictionary<string, Intergreen>());
        return new SignalTimings(model, new Dictionary<string, PedestrianTiming> { ["pw"] = new(8, 6) });
    }

    private static Phase Phase(string id, string[] protectedGreens, string[] permissive, double min, double max, double def) =>
        new(id, protectedGreens.ToHashSet(), permissive.ToHashSet(), min, max, def);
}
