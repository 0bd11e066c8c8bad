using Prometheus;

namespace EdgeCity.Node.Hosting.Cameras;

/// <summary>Prometheus series of the demo's camera path: what reached the coordinators from the cameras.</summary>
public static class CameraPathMetrics
{
    public static readonly Counter Observations = Metrics.CreateCounter(
        "edgecity_camera_observations_total", "Camera measurements of an approach sent to its intersection's coordinator (one per camera per second, as observations of each movement of the approach, lane by lane).", "intersection", "approach");

    public static readonly Counter Unmatched = Metrics.CreateCounter(
        "edgecity_camera_observations_unmatched_total", "Camera measurements of an approach the intersection's signal model lacks (dropped).", "camera");
}
