using EdgeCity.Domain.Geometry;
using EdgeCity.Simulation.Network;
using EdgeCity.Simulation.Traci;

namespace EdgeCity.Simulation.Twin;

/// <summary>
/// The true queue of one lane as a camera sees it: halting vehicles (SUMO's threshold, below 1.39 m/s) walked back from
/// the stop line, each within 10 m of the one ahead (the first within 10 m of the line), as SUMO's jam detector does;
/// only vehicles in the picture count, so the queue ends where the camera stops seeing it.
/// </summary>
public static class LaneQueueTruth
{
    public const double HaltingSpeed = 1.39;

    public const double MaxGap = 10;

    /// <summary>Metres from the lane's stop line (its end) to the rear of the last queued vehicle the camera sees.</summary>
    public static double Meters(SumoLane lane, IEnumerable<VehicleState> vehicles, IReadOnlySet<string> visible)
    {
        var end = 0.0;
        var halted = vehicles
            .Where(v => v.LaneId == lane.Id && v.Speed < HaltingSpeed)
            .Select(v => (V: v, Front: DistanceToEnd(lane.Shape, new Point2(v.X, v.Y))))
            .OrderBy(x => x.Front);
        foreach (var (v, front) in halted)
        {
            if (front - end > MaxGap || !visible.Contains(v.Id))
            {
                break;
            }

            end = Math.Max(end, front + v.Length);
        }

        return Math.Round(end, 2);
    }

    /// <summary>Distance along the polyline from the point's projection onto it to the polyline's end.</summary>
    public static double DistanceToEnd(IReadOnlyList<Point2> line, Point2 p)
    {
        var bestDistance = double.MaxValue;
        var bestRemaining = 0.0;
        var remainingAfter = 0.0;
        for (var i = line.Count - 1; i > 0; i--)
        {
            var a = line[i - 1];
            var b = line[i];
            var len = a.DistanceTo(b);
            var t = len < 1e-9 ? 0 : Math.Clamp((((p.X - a.X) * (b.X - a.X)) + ((p.Y - a.Y) * (b.Y - a.Y))) / (len * len), 0, 1);
            var foot = a + ((b - a) * t);
            var d = foot.DistanceTo(p);
            if (d < bestDistance)
            {
                bestDistance = d;
                bestRemaining = remainingAfter + ((1 - t) * len);
            }

            remainingAfter += len;
        }

        return bestRemaining;
    }
}
