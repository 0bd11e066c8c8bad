namespace EdgeCity.Node.Api;

/// <summary>
/// Reads a camera's Prometheus counters for the operator view. A counter labelled by camera and more (drops by
/// camera and reason) is summed over every series of that camera; reading never creates a series, so cameras this
/// node does not run stay absent from /metrics.
/// </summary>
internal static class CameraCounters
{
    /// <summary>Whether the counter has any series whose first label is <paramref name="camera"/>.</summary>
    public static bool Has(Prometheus.Counter counter, string camera) =>
        counter.GetAllLabelValues().Any(v => v.Length > 0 && v[0] == camera);

    /// <summary>The sum over the counter's series of <paramref name="camera"/> (its first label); 0 when it has none.</summary>
    public static double Sum(Prometheus.Counter counter, string camera) =>
        counter.GetAllLabelValues().Where(v => v.Length > 0 && v[0] == camera).Sum(v => counter.WithLabels(v).Value);
}
