namespace EdgeCity.Domain.Control;

/// <summary>
/// The departures an intersection plans per movement over its horizon (vehicles per step from
/// <see cref="StartTimeSeconds"/>, on the controller's clock; Unix seconds once shared between boxes): what a
/// schedule-driven controller shares with its downstream neighbours.
/// </summary>
public sealed record OutflowForecast(
    string IntersectionId,
    double StartTimeSeconds,
    double StepSeconds,
    IReadOnlyDictionary<string, IReadOnlyList<double>> Departures)
{
    /// <summary>
    /// The vehicles a downstream approach can expect from one upstream movement: its departures shifted by the travel
    /// time and scaled by the share that turns into that approach, as whole vehicles (cumulative rounding keeps the total).
    /// </summary>
    public IReadOnlyList<ApproachingVehicle> ArrivalsFrom(string upstreamMovementId, double travelSeconds, double share, double nowSeconds)
    {
        if (!Departures.TryGetValue(upstreamMovementId, out var steps))
        {
            return [];
        }

        var arrivals = new List<ApproachingVehicle>();
        var cumulative = 0.0;
        var emitted = 0;
        for (var k = 0; k < steps.Count; k++)
        {
            cumulative += steps[k] * share;
            while (cumulative - emitted >= 0.5)
            {
                var eta = StartTimeSeconds + ((k + 0.5) * StepSeconds) + travelSeconds - nowSeconds;
                if (eta >= 0)
                {
                    arrivals.Add(new ApproachingVehicle(eta));
                }

                emitted++;
            }
        }

        return arrivals;
    }
}
