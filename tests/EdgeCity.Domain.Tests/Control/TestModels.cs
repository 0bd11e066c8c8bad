using EdgeCity.Domain.Control;
using EdgeCity.Domain.Signals;

namespace EdgeCity.Domain.Tests.Control;

/// <summary>Signal models the specs share.</summary>
internal static class TestModels
{
    /// <summary>Two foes a and b, one phase each: min 5, max 30, default 20; 3 s yellow, 2 s all-red.</summary>
    public static IntersectionSignalModel TwoPhase(double min = 5, double max = 30, double def = 20) => new(
        "x",
        [new Movement("a", "west", TurnDirection.Straight, [0]), new Movement("b", "south", TurnDirection.Straight, [1])],
        new ConflictMatrix().AddFoes("a", "b"),
        [Phase("A", ["a"], [], min, max, def), Phase("B", ["b"], [], min, max, def)],
        new Dictionary<string, Intergreen> { ["a"] = new(3, 2), ["b"] = new(3, 2) });

    /// <summary>
    /// A four-arm cross: through movements ns/ew, permissive lefts nsl/ewl that yield to opposing through traffic,
    /// protected-left phases, and a pedestrian crossing pw parallel to ns (foe of ew and of the ew lefts).
    /// </summary>
    public static IntersectionSignalModel Cross()
    {
        var conflicts = new ConflictMatrix()
            .AddFoes("ns", "ew").AddFoes("ns", "ewl").AddFoes("ew", "nsl").AddFoes("nsl", "ewl")
            .AddYield("nsl", "ns").AddYield("ewl", "ew")
            .AddFoes("pw", "ew").AddFoes("pw", "ewl").AddYield("nsl", "pw");
        return new IntersectionSignalModel(
            "cross",
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
            new Dictionary<string, Intergreen>
            {
                ["ns"] = new(3, 2), ["nsl"] = new(3, 1), ["ew"] = new(4, 2), ["ewl"] = new(3, 1), ["pw"] = new(0, 2),
            });
    }

    public static SignalTimings CrossTimings() =>
        new(Cross(), new Dictionary<string, PedestrianTiming> { ["pw"] = new(10, 8) });

    public static Phase Phase(string id, string[] protectedGreens, string[] permissive, double min, double max, double def) =>
        new(id, protectedGreens.ToHashSet(), permissive.ToHashSet(), min, max, def);

    /// <summary>Observations where every movement is fresh and the given ones carry a queue.</summary>
    public static Dictionary<string, MovementObservation> Queues(IntersectionSignalModel model, params (string Movement, double Queue)[] queues)
    {
        var result = model.Movements.ToDictionary(m => m.Id, _ => new MovementObservation());
        foreach (var (m, q) in queues)
        {
            result[m] = new MovementObservation { QueueVehicles = q, Presence = q > 0 };
        }

        return result;
    }
}
