namespace EdgeCity.Simulation.Control;

/// <summary>One lane at one simulation step: vehicles halting, and each moving vehicle's distance to the stop line and speed.</summary>
public sealed record LaneReading(string LaneId, int Halting, int Vehicles, double Occupancy, IReadOnlyList<(double Distance, double Speed)> Moving, double NearestDistance);
