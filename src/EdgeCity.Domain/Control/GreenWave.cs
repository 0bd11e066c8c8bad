namespace EdgeCity.Domain.Control;

/// <summary>
/// One-way green wave along a corridor: a common cycle (the longest any member needs, so none is starved) and each
/// intersection's offset, the travel time from the first at the progression speed, modulo the cycle.
/// </summary>
public static class GreenWave
{
    /// <summary>The common cycle: the largest preferred cycle, clamped to the given bounds.</summary>
    public static double CommonCycle(IEnumerable<double> preferredCycles, double minCycle = 40, double maxCycle = 150) =>
        Math.Clamp(preferredCycles.DefaultIfEmpty(minCycle).Max(), minCycle, maxCycle);

    /// <summary>Offsets in seconds for intersections at <paramref name="positionsMeters"/> along the corridor.</summary>
    public static IReadOnlyList<double> Offsets(IReadOnlyList<double> positionsMeters, double progressionSpeedMetersPerSecond, double cycleSeconds)
    {
        if (progressionSpeedMetersPerSecond <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(progressionSpeedMetersPerSecond), "progression speed must be positive");
        }

        if (cycleSeconds <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(cycleSeconds), "cycle must be positive");
        }

        var origin = positionsMeters.Count > 0 ? positionsMeters[0] : 0.0;
        return positionsMeters.Select(x => (((x - origin) / progressionSpeedMetersPerSecond % cycleSeconds) + cycleSeconds) % cycleSeconds).ToList();
    }
}
