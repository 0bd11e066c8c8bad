namespace EdgeCity.Domain.Control;

/// <summary>A vehicle (or a predicted one) expected at the stop line in <see cref="EtaSeconds"/>.</summary>
public readonly record struct ApproachingVehicle(double EtaSeconds);
