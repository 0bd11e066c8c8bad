namespace EdgeCity.Domain.Control.Controllers;

/// <summary>
/// Creates a controller by the name a site file gives (<c>fixed</c>, <c>actuated</c>, <c>webster</c>, <c>max-pressure</c>,
/// <c>schedule</c>, <c>schedule-ordered</c>: schedule-driven control that keeps the programme's phase order).
/// </summary>
public static class SignalControllers
{
    public static readonly IReadOnlyList<string> Names = ["fixed", "actuated", "webster", "max-pressure", "schedule", "schedule-ordered"];

    /// <param name="name">The controller's name.</param>
    /// <param name="timings">The junction's signal timings.</param>
    /// <param name="saturation">Saturation flows per movement (defaults from the model).</param>
    /// <param name="schedule">Settings of schedule-driven control (its defaults when null).</param>
    public static ISignalController Create(string name, SignalTimings timings, SaturationFlows? saturation = null, ScheduleSettings? schedule = null)
    {
        saturation ??= new SaturationFlows(timings.Model);
        schedule ??= new ScheduleSettings();
        return name.ToLowerInvariant() switch
        {
            "fixed" or "fixed-time" => new FixedTimeController(timings),
            "actuated" => new ActuatedController(timings),
            "webster" => new WebsterController(timings, saturation),
            "max-pressure" or "maxpressure" => new MaxPressureController(timings, saturation),
            "schedule" or "schedule-driven" or "surtrac" => new ScheduleDrivenController(timings, saturation, schedule),
            "schedule-ordered" => new ScheduleDrivenController(timings, saturation, schedule with { ProgrammeOrder = true }),
            _ => throw new ArgumentException($"unknown controller '{name}'; known: {string.Join(", ", Names)}", nameof(name)),
        };
    }
}
