namespace EdgeCity.Domain.Control.Controllers;

/// <summary>A Webster timing plan: cycle, effective green per phase, lost time and the sum of critical flow ratios.</summary>
public sealed record WebsterPlan(double CycleSeconds, IReadOnlyDictionary<string, double> GreenSeconds, double LostTimeSeconds, double FlowRatioSum)
{
    /// <summary>Webster's optimum cycle C0 = (1.5 L + 5) / (1 − Y); infinite when the junction is oversaturated.</summary>
    public static double OptimumCycle(double lostTimeSeconds, double flowRatioSum) =>
        flowRatioSum >= 1.0 ? double.PositiveInfinity : ((1.5 * lostTimeSeconds) + 5.0) / (1.0 - flowRatioSum);
}
