using EdgeCity.Domain.Signals;

namespace EdgeCity.Simulation.Control;

/// <summary>
/// Green bounds for a SUMO program that has none (static programs: min = max = the green): a third of the green (at
/// least 5 s, never more than the green) up to 1.5 times the green, as <c>site from-sumo</c> writes them, within
/// 20 s and 120 s (some networks bake a player's "manual" greens of 10000 s into their program). Programs with their
/// own min/max keep them. EdgeCity and SUMO's actuated baseline run with the same bounds.
/// </summary>
public static class ControlBounds
{
    public static (double Min, double Max) For(double green, double? min, double? max) =>
        min is { } lo && max is { } hi && hi > lo ? (lo, hi) : (Math.Min(MaxMin, Math.Min(green, Math.Max(5, Math.Round(green / 3)))), Math.Min(MaxMax, Math.Max(green, Math.Round(green * 1.5))));

    private const double MaxMin = 20;
    private const double MaxMax = 120;

    /// <summary>
    /// The model with bounds on every phase whose min equals its max, and without phases that repeat an earlier
    /// phase's greens exactly (netgenerate's corner lights cycle "GGGG", yellow, "GGGG": serving it once is the same
    /// signal, and a repeated phase would let one green outlast its maximum unseen).
    /// </summary>
    public static IntersectionSignalModel Relax(IntersectionSignalModel model) =>
        model with
        {
            Phases = model.Phases.Where((p, i) => !model.Phases.Take(i).Any(q => SameGreens(p, q))).Select(p =>
            {
                var (min, max) = For(p.DefaultGreenSeconds, p.MinGreenSeconds, p.MaxGreenSeconds);
                return p with { MinGreenSeconds = min, MaxGreenSeconds = max };
            }).ToList(),
        };

    private static bool SameGreens(Phase a, Phase b) =>
        a.ProtectedGreens.SetEquals(b.ProtectedGreens) && a.PermissiveGreens.SetEquals(b.PermissiveGreens);
}
