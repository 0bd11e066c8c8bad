namespace EdgeCity.Domain.Control;

/// <summary>
/// A pedestrian movement's walk (the least time "walk" shows) and flashing-don't-walk clearance, in seconds.
/// The clearance replaces the yellow of the movement's intergreen when it is longer; the all-red follows it.
/// </summary>
public sealed record PedestrianTiming(double WalkSeconds, double ClearanceSeconds)
{
    /// <summary>Walk 7 s; clearance for a crossing of <paramref name="crossingLengthMeters"/> at 1.2 m/s (MUTCD walking speed).</summary>
    public static PedestrianTiming ForCrossing(double crossingLengthMeters, double walkSeconds = 7.0) =>
        new(walkSeconds, Math.Ceiling(crossingLengthMeters / 1.2));
}
