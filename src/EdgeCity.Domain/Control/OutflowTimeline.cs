namespace EdgeCity.Domain.Control;

/// <summary>
/// A downstream intersection's record of one upstream neighbour's departures: each new <see cref="OutflowForecast"/>
/// replaces the plan from its start on, while the steps before it stay as what (by the last plan) has already left,
/// so vehicles still travelling between the two are counted as well as those not yet released.
/// </summary>
public sealed class OutflowTimeline(double keepSeconds = 300)
{
    private readonly Dictionary<string, SortedDictionary<long, double>> _steps = [];
    private double _stepSeconds = 1.0;

    /// <summary>Takes a newer forecast (times on one clock shared with later calls).</summary>
    public void Merge(OutflowForecast forecast)
    {
        _stepSeconds = forecast.StepSeconds;
        var first = (long)Math.Round(forecast.StartTimeSeconds / forecast.StepSeconds);
        var oldest = first - (long)Math.Ceiling(keepSeconds / forecast.StepSeconds);
        foreach (var (movement, departures) in forecast.Departures)
        {
            if (!_steps.TryGetValue(movement, out var steps))
            {
                _steps[movement] = steps = new SortedDictionary<long, double>();
            }

            foreach (var k in steps.Keys.Where(k => k >= first || k < oldest).ToList())
            {
                steps.Remove(k);
            }

            for (var i = 0; i < departures.Count; i++)
            {
                if (departures[i] > 0)
                {
                    steps[first + i] = departures[i];
                }
            }
        }
    }

    /// <summary>Vehicles expected from <paramref name="upstreamMovement"/>, <paramref name="travelSeconds"/> after they leave, from now on.</summary>
    public IReadOnlyList<ApproachingVehicle> ArrivalsFrom(string upstreamMovement, double travelSeconds, double share, double nowSeconds)
    {
        if (!_steps.TryGetValue(upstreamMovement, out var steps))
        {
            return [];
        }

        var arrivals = new List<ApproachingVehicle>();
        var cumulative = 0.0;
        var emitted = 0;
        foreach (var (k, vehicles) in steps)
        {
            cumulative += vehicles * share;
            while (cumulative - emitted >= 0.5)
            {
                var eta = ((k + 0.5) * _stepSeconds) + travelSeconds - nowSeconds;
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
