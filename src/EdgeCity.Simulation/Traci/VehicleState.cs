namespace EdgeCity.Simulation.Traci;

/// <summary>
/// One vehicle at one simulation step as SUMO reports it. <see cref="X"/>/<see cref="Y"/> are the middle of the front
/// bumper in network metres; <see cref="Angle"/> is SUMO's heading in degrees (0 = north, clockwise).
/// </summary>
public sealed record VehicleState(
    string Id,
    double X,
    double Y,
    double Angle,
    double Speed,
    double Length,
    double Width,
    string TypeId,
    string VehicleClass,
    string LaneId)
{
    /// <summary>Centre of the vehicle footprint (SUMO's position is the front bumper).</summary>
    public (double X, double Y) Centre
    {
        get
        {
            var rad = Angle * Math.PI / 180.0;
            return (X - (Math.Sin(rad) * Length / 2), Y - (Math.Cos(rad) * Length / 2));
        }
    }
}
