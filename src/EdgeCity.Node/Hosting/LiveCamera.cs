namespace EdgeCity.Node.Hosting;

/// <summary>One camera of the demo's camera path on the start page: frames analysed, vehicles counted and the last observation sent.</summary>
public sealed class LiveCamera(string id, string intersection, string approach)
{
    public string Id { get; } = id;

    public string Intersection { get; } = intersection;

    public string Approach { get; } = approach;

    public string State { get; set; } = "starting";

    public long FramesAnalysed { get; set; }

    public long Detections { get; set; }

    public long VehiclesCounted { get; set; }

    public long Observations { get; set; }

    public double QueueMeters { get; set; }

    /// <summary>The longest lane queue runs past the camera's view: <see cref="QueueMeters"/> is a lower bound.</summary>
    public bool QueueBeyondView { get; set; }

    public double FlowVehiclesPerHour { get; set; }
}
