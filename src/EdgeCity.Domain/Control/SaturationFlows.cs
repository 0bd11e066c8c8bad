using EdgeCity.Domain.Signals;

namespace EdgeCity.Domain.Control;

/// <summary>
/// Saturation flow per movement in vehicles per hour of green: configured, or 1800 per lane, counting each of the
/// movement's links as a lane (SUMO links are lane-to-lane connections).
/// </summary>
public sealed class SaturationFlows
{
    public const double PerLaneVehiclesPerHour = 1800.0;

    private readonly Dictionary<string, double> _flows;

    public SaturationFlows(IntersectionSignalModel model, IReadOnlyDictionary<string, double>? configured = null)
    {
        _flows = model.Movements.ToDictionary(
            m => m.Id,
            m => configured is not null && configured.TryGetValue(m.Id, out var s) && s > 0
                ? s
                : PerLaneVehiclesPerHour * Math.Max(1, m.LinkIndices.Count));
    }

    public double VehiclesPerHour(string movementId) => _flows.TryGetValue(movementId, out var s) ? s : PerLaneVehiclesPerHour;

    public double VehiclesPerSecond(string movementId) => VehiclesPerHour(movementId) / 3600.0;
}
