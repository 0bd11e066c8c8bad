using EdgeCity.Domain.Control;
using EdgeCity.Simulation.Traci;

namespace EdgeCity.Simulation.Control;

/// <summary>
/// Measurements that replace SUMO's detectors on some movements of a closed-loop run (the camera path: twin cameras
/// rendered, a detector model, analytics). Movements it does not report keep their detector observations.
/// </summary>
public interface IClosedLoopMeasurement
{
    /// <summary>The SUMO step length the measurement needs (its frame period), or null for the scenario's.</summary>
    double? StepLengthSeconds { get; }

    /// <summary>Called once SUMO runs, with the connection and the junctions under control.</summary>
    void Start(TraciConnection traci, IReadOnlyList<ControlledJunction> junctions);

    /// <summary>Called every step before the junctions tick: per traffic light id, the observations that replace the detectors' by movement id.</summary>
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, MovementObservation>> Measure(double time);
}
