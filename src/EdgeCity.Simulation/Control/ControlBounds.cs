using EdgeCity.Domain.Signals;

namespace EdgeCity.Simulation.Control;

/// <summary>
/// Green bounds for a SUMO program that has none (static programs: min = max = the green): at least 5 s (never more
/// than the green) and at most 1.5 times the green, as <c>site from-sumo</c> writes them. Programs with their own
/// min/max keep them. EdgeCity and SUMO's actuated baseline run with the same bounds.
/// </summary>
public static class ControlBounds
{
    public static (double Min, double Max) For(double green, double? min, double? max) =>
        min is { } lo && max is { } hi && hi > lo ? (lo, hi) : (Math.Min(green, Math.Max(5, Math.Round(green / 3))), Math.Max(green, Math.Round(green * 1.5)));

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
