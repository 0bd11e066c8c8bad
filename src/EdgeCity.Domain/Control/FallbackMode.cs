namespace EdgeCity.Domain.Control;

/// <summary>How far an intersection has fallen back because its data is stale.</summary>
public enum FallbackMode
{
    /// <summary>All data fresh: the configured controller decides.</summary>
    None,

    /// <summary>Some approaches stale: actuated control with those approaches on recall.</summary>
    RecallStaleApproaches,

    /// <summary>Every approach stale: fixed time.</summary>
    FixedTime,
}
