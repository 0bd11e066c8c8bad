using EdgeCity.Domain.Control.Controllers;

namespace EdgeCity.Domain.Control.Supervision;

/// <summary>The one way a junction's controller is put under supervision, on a box and in the simulator alike.</summary>
public static class JunctionSupervision
{
    /// <summary>
    /// The adaptive controller with a <see cref="JunctionSupervisor"/> that hands back to actuated control on the
    /// programme's phases and green bounds; null for a controller that is that fallback already (actuated, or fixed
    /// time) or is supervised already.
    /// </summary>
    /// <remarks>
    /// Actuated control rather than the programme's fixed greens: it serves what the programme serves, in its order,
    /// within its bounds, but ends a green that no one uses. Some programmes are no fallback at all (SUMO's corridor
    /// game holds each green 10005 s: 222 s mean delay), and on Bologna's acosta actuated control on the city's phases
    /// (156 s, seed 1) beat the city's fixed programme (197 s).
    /// </remarks>
    public static JunctionSupervisor? Supervise(ISignalController adaptive, SignalTimings timings, SupervisorSettings? settings = null)
    {
        if (adaptive is FixedTimeController or ActuatedController or JunctionSupervisor or FallbackController)
        {
            return null;
        }

        return new JunctionSupervisor(adaptive, new ActuatedController(timings), timings, new FixedTimeController(timings).NaturalCycleSeconds, settings);
    }
}
