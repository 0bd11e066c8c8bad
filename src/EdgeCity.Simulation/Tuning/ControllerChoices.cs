namespace EdgeCity.Simulation.Tuning;

/// <summary>Per-light controller choices, written as a site file or <c>sim --controller-at</c> would name them.</summary>
public static class ControllerChoices
{
    /// <summary>"light=controller" pairs ordered by light, joined by spaces: one key per set of choices.</summary>
    public static string Key(IReadOnlyDictionary<string, string> choices) =>
        string.Join(' ', choices.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}"));
}
