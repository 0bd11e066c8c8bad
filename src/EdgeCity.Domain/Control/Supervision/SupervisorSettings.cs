namespace EdgeCity.Domain.Control.Supervision;

/// <summary>When the <see cref="JunctionSupervisor"/> hands a junction back to its fallback, and for how long.</summary>
public sealed record SupervisorSettings
{
    /// <summary>Outcomes are judged over windows of this length (mean queue per window).</summary>
    public double WindowSeconds { get; init; } = 120.0;

    /// <summary>
    /// The adaptive plan fails when its window's mean queue exceeds the fallback's last measured mean queue by this
    /// factor plus <see cref="SlackVehiclesPerApproach"/>, or, before the fallback was measured, its own previous window's.
    /// </summary>
    public double WorseFactor { get; init; } = 1.2;

    /// <summary>Queue noise allowed on top of <see cref="WorseFactor"/>, vehicles per approach.</summary>
    public double SlackVehiclesPerApproach { get; init; } = 2.0;

    /// <summary>
    /// A movement with a call kept red longer than this many programme cycles means the adaptive plan is starving it
    /// (the programme serves every movement once a cycle).
    /// </summary>
    public double UnservedCycles { get; init; } = 1.5;

    /// <summary>The unserved limit is never below this, seconds (short programmes, or none).</summary>
    public double MinUnservedSeconds { get; init; } = 120.0;

    /// <summary>The first hand-back lasts this long; each one after a failed retry twice as long.</summary>
    public double HoldSeconds { get; init; } = 300.0;

    /// <summary>The longest hand-back, seconds.</summary>
    public double MaxHoldSeconds { get; init; } = 1800.0;

    /// <summary>Adaptive control that lasts this many holds without failing is trusted again (holds start over).</summary>
    public double TrustAfterHolds { get; init; } = 2.0;
}
