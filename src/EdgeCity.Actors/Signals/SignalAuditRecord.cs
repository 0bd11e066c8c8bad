namespace EdgeCity.Actors.Signals;

/// <summary>One line of the signal audit log: a decision that changed the signal, with its reason.</summary>
public sealed record SignalAuditRecord
{
    public DateTimeOffset Time { get; init; }

    public string Intersection { get; init; } = string.Empty;

    /// <summary>The state shown is valid: the independent rule monitor has found no broken rule at this intersection.</summary>
    public bool Valid { get; init; } = true;

    public string Controller { get; init; } = string.Empty;

    /// <summary>none, recall-stale-approaches or fixed-time.</summary>
    public string Fallback { get; init; } = "none";

    public IReadOnlyList<string> StaleMovements { get; init; } = [];

    /// <summary>The phase being served, or moved to while <see cref="InTransition"/>.</summary>
    public string Phase { get; init; } = string.Empty;

    public bool InTransition { get; init; }

    /// <summary>The phase the controller asked for.</summary>
    public string Requested { get; init; } = string.Empty;

    public string Reason { get; init; } = string.Empty;

    public IReadOnlyDictionary<string, string> Indications { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string> ViolationsPrevented { get; init; } = [];
}
