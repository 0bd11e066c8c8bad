namespace EdgeCity.Domain.Control.Controllers;

/// <summary>Creates a controller by the name a site file gives (<c>fixed</c>, <c>actuated</c>, <c>webster</c>, <c>max-pressure</c>, <c>schedule</c>).</summary>
public static class SignalControllers
{
    public static readonly IReadOnlyList<string> Names = ["fixed", "actuated", "webster", "max-pressure", "schedule"];

    public static ISignalController Create(string name, SignalTimings timings, SaturationFlows? saturation = null)
    {
        saturation ??= new SaturationFlows(timings.Model);
        return name.ToLowerInvariant() switch
        {
            "fixed" or "fixed-time" => new FixedTimeController(timings),
            "actuated" => new ActuatedController(timings),
            "webster" => new WebsterController(timings, saturation),
            "max-pressure" or "maxpressure" => new MaxPressureController(timings, saturation),
            "schedule" or "schedule-driven" or "surtrac" => new ScheduleDrivenController(timings, saturation),
            _ => throw new ArgumentException($"unknown controller '{name}'; known: {string.Join(", ", Names)}", nameof(name)),
        };
    }
}
