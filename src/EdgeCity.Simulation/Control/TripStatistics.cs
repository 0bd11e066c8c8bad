using System.Globalization;
using System.Xml;

namespace EdgeCity.Simulation.Control;

/// <summary>
/// Trip statistics of one run from SUMO's tripinfo output (written with unfinished and undeparted vehicles): delay is
/// timeLoss + departDelay per trip, so vehicles still driving count with the delay they have so far, and vehicles
/// never inserted count with the time they waited to depart (SUMO writes end − scheduled departure as their departDelay).
/// </summary>
public sealed record TripStatistics(double MeanDelaySeconds, double MeanWaitingSeconds, double MeanTripSeconds, int TripsCompleted, int Trips, double P95DelaySeconds)
{
    /// <summary>The longest time one vehicle spent standing (SUMO's waitingTime), seconds.</summary>
    public double LongestWaitSeconds { get; init; }

    public static TripStatistics Read(string tripinfoPath)
    {
        var delays = new List<double>();
        double waiting = 0, duration = 0, longest = 0;
        var completed = 0;
        using var reader = XmlReader.Create(tripinfoPath, new XmlReaderSettings { IgnoreComments = true });
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.Name != "tripinfo")
            {
                continue;
            }

            double Attr(string name) =>
                double.TryParse(reader.GetAttribute(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 0;

            var departed = Attr("depart") >= 0;
            var delay = Math.Max(0, Attr("departDelay")) + (departed ? Math.Max(0, Attr("timeLoss")) : 0);
            delays.Add(delay);
            waiting += Math.Max(0, Attr("waitingTime"));
            longest = Math.Max(longest, Attr("waitingTime"));
            duration += departed ? Math.Max(0, Attr("duration")) : 0;
            if (Attr("arrival") >= 0 && reader.GetAttribute("vaporized") is null or "")
            {
                completed++;
            }
        }

        if (delays.Count == 0)
        {
            return new TripStatistics(0, 0, 0, 0, 0, 0);
        }

        delays.Sort();
        var p95 = delays[Math.Min(delays.Count - 1, (int)Math.Ceiling(0.95 * delays.Count) - 1)];
        return new TripStatistics(delays.Average(), waiting / delays.Count, duration / delays.Count, completed, delays.Count, p95) { LongestWaitSeconds = longest };
    }
}
