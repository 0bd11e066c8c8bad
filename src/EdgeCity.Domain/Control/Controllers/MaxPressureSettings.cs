namespace EdgeCity.Domain.Control.Controllers;

/// <summary>Max-pressure settings.</summary>
public sealed record MaxPressureSettings
{
    /// <summary>Another phase must beat the current one's pressure by this much (vehicles/s) before a switch pays for its clearance.</summary>
    public double SwitchMargin { get; init; } = 0.5;

    /// <summary>
    /// Added to the margin per second of clearance the switch costs (no one moves during it), so long intergreens
    /// are not paid for small gains.
    /// </summary>
    public double MarginPerClearanceSecond { get; init; } = 0.25;

    /// <summary>Pressure is re-evaluated only after the phase has run at least this long beyond its minimum.</summary>
    public double DecisionIntervalSeconds { get; init; } = 0.0;
}
