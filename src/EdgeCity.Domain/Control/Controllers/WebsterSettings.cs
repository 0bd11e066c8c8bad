namespace EdgeCity.Domain.Control.Controllers;

/// <summary>Bounds of the Webster controller.</summary>
public sealed record WebsterSettings
{
    public double MinCycleSeconds { get; init; } = 30.0;

    public double MaxCycleSeconds { get; init; } = 150.0;

    /// <summary>The cycle moves towards its new optimum by at most this much per cycle.</summary>
    public double MaxCycleChangeSeconds { get; init; } = 10.0;

    /// <summary>Start-up lost time per phase, added to the phase's clearance to give its lost time.</summary>
    public double StartupLostSeconds { get; init; } = 0.0;

    /// <summary>Critical ratios are summed no higher than this, so an oversaturated junction runs the maximum cycle.</summary>
    public double MaxFlowRatioSum { get; init; } = 0.95;
}
