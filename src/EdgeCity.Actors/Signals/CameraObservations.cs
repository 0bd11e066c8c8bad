using EdgeCity.Domain.Control;
using EdgeCity.Domain.Measurements;

namespace EdgeCity.Actors.Signals;

/// <summary>A camera's approach measurement as the coordinator's message: Domain's <see cref="MovementObservations"/> mapping, stamped with when the newest frame was taken.</summary>
public static class CameraObservations
{
    public static ApproachObservation From(ApproachMeasurement m) =>
        new(m.Approach, MovementObservations.OfApproach(m), MovementObservations.MeasuredAt(m));
}
