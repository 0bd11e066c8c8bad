using EdgeCity.Domain.Control;
using EdgeCity.Simulation.Control;
using EdgeCity.Simulation.Traci;

namespace EdgeCity.Node.CameraLoop;

/// <summary>Detectors only, at a given step length: the detector run that a camera run is compared with steps alike.</summary>
public sealed class StepLengthOnly(double stepSeconds) : IClosedLoopMeasurement
{
    private static readonly Dictionary<string, IReadOnlyDictionary<string, MovementObservation>> None = [];

    public double? StepLengthSeconds { get; } = stepSeconds;

    public void Start(TraciConnection traci, IReadOnlyList<ControlledJunction> junctions)
    {
    }

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, MovementObservation>> Measure(double time) => None;
}
