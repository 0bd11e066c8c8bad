using Prometheus;

namespace EdgeCity.Node.Hosting.Cameras;

/// <summary>Prometheus series of the demo's camera path: what reached the coordinators from the cameras.</summary>
public static class CameraPathMetrics
{
    public static readonly Counter Observations = Metrics.CreateCounter(
        "edgecity_camera_observations_total", "Approach observations from camera analytics sent to an intersection's coordinator.", "intersection", "approach");

    public static readonly Counter Unmatched = Metrics.CreateCounter(
        "edgecity_camera_observations_unmatched_total", "Camera measurements of an approach the intersection's signal model lacks (dropped).", "camera");
}
