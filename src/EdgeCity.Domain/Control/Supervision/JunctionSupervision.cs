using EdgeCity.Domain.Control.Controllers;

namespace EdgeCity.Domain.Control.Supervision;

/// <summary>The one way a junction's controller is put under supervision, on a box and in the simulator alike.</summary>
public static class JunctionSupervision
{
    /// <summary>
    /// The adaptive controller with a <see cref="JunctionSupervisor"/> that hands back to the junction's programme (fixed
    /// time on the programme's greens); null for a controller that is the programme already (fixed time) or is
    /// supervised already.
    /// </summary>
    public static JunctionSupervisor? Supervise(ISignalController adaptive, SignalTimings timings, SupervisorSettings? settings = null)
    {
        if (adaptive is FixedTimeController or JunctionSupervisor or FallbackController)
        {
            return null;
        }

        var programme = new FixedTimeController(timings);
        return new JunctionSupervisor(adaptive, programme, timings, programme.NaturalCycleSeconds, settings);
    }
}
