namespace EdgeCity.Domain.Detection;

/// <summary>
/// Whether a model sees the road as its classes expect. A COCO-trained detector looking at cars from straight above
/// boxes them tightly but calls them "cell phone" (seen on a held-out overhead clip): nothing is counted, and nothing
/// says why. When a model's candidates on a camera are mostly of classes with no traffic meaning, the view is one it
/// was not trained for, and an operator should be told which classes it saw instead.
/// </summary>
public static class ViewCheck
{
    /// <summary>Fewest skipped candidates before anything is said (a few frames of clutter are not a pattern).</summary>
    public const long MinSkipped = 200;

    /// <summary>How many times the traffic candidates the skipped ones must be.</summary>
    public const double Dominance = 2.0;

    /// <summary>Whether <paramref name="skipped"/> candidates against <paramref name="traffic"/> are worth a warning.</summary>
    public static bool Dominated(long traffic, long skipped) => skipped >= MinSkipped && skipped >= Dominance * traffic;

    /// <summary>
    /// A warning naming what the model saw instead of traffic, or null when traffic classes hold their own.
    /// </summary>
    /// <param name="model">The model's name, for the message.</param>
    /// <param name="traffic">Candidates of traffic classes (before NMS).</param>
    /// <param name="skipped">Candidates of classes with no traffic meaning.</param>
    /// <param name="byClass">The skipped candidates by class, most first (for the classes' shares; may cover more than one camera).</param>
    public static string? NonTrafficWarning(string model, long traffic, long skipped, IReadOnlyList<(string Class, long Candidates)> byClass)
    {
        ArgumentNullException.ThrowIfNull(byClass);
        if (!Dominated(traffic, skipped))
        {
            return null;
        }

        var all = Math.Max(1, byClass.Sum(s => s.Candidates));
        var top = string.Join(", ", byClass.Take(3).Select(s => $"{s.Class} {100.0 * s.Candidates / all:0}%"));
        return $"{model} saw mostly things that are not traffic to it ({skipped} candidates against {traffic} of traffic classes; {top}). "
            + "A model trained on other views names vehicles it has never seen from this angle that way (a COCO model calls a car seen from straight above a cell phone): "
            + "this camera needs a model trained for its view (edgecity models finetune on its footage, the twin rendering it from overhead)";
    }
}
