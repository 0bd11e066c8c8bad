using System.Collections.Concurrent;
using EdgeCity.Domain.Measurements;

namespace EdgeCity.Node.Hosting;

/// <summary>What the start page shows of signal control as it happens: each intersection's phase and queue, and the simulation's figures.</summary>
public sealed class LiveSignals
{
    public ConcurrentDictionary<string, LiveIntersection> Intersections { get; } = new(StringComparer.Ordinal);

    /// <summary>The cameras measuring for the coordinators (the demo's camera path), by camera id.</summary>
    public ConcurrentDictionary<string, LiveCamera> Cameras { get; } = new(StringComparer.Ordinal);

    /// <summary>Where the loop's data comes from, or why there is none (shown on the start page).</summary>
    public string Source { get; set; } = "no signal control on this node";

    /// <summary>Why this node cannot do its job now (the SUMO twin is down and being restarted), or null: readiness says it.</summary>
    public string? Fault { get; set; }

    public double SimulationSeconds { get; set; }

    public int Vehicles { get; set; }

    public long TripsArrived { get; set; }

    /// <summary>Mean time lost so far by the vehicles now in the network, in seconds.</summary>
    public double MeanTimeLossSeconds { get; set; }

    internal void CameraFrame(string cameraId, int detections)
    {
        if (Cameras.TryGetValue(cameraId, out var c))
        {
            lock (c)
            {
                c.FramesAnalysed++;
                c.Detections += detections;
            }
        }
    }

    internal void CameraState(string cameraId, string state, string reason)
    {
        if (Cameras.TryGetValue(cameraId, out var c))
        {
            lock (c)
            {
                c.State = state == "up" ? state : $"{state}: {reason}";
            }
        }
    }

    internal void CameraObservation(ApproachMeasurement m)
    {
        if (Cameras.TryGetValue(m.CameraId, out var c))
        {
            lock (c)
            {
                c.Observations++;
                c.VehiclesCounted += m.VehiclesCounted;
                c.QueueMeters = m.QueueLengthMeters;
                c.QueueBeyondView = m.Lanes.Any(l => l.QueueBeyondView);
                c.FlowVehiclesPerHour = m.FlowVehiclesPerHourSmoothed;
            }
        }
    }
}
