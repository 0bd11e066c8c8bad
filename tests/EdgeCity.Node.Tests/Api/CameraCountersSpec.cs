using EdgeCity.Node.Api;
using Prometheus;

namespace EdgeCity.Node.Tests.Api;

public sealed class CameraCountersSpec
{
    [Fact]
    public void A_cameras_drops_are_summed_over_every_reason_and_reading_creates_no_series()
    {
        var registry = Metrics.NewCustomRegistry();
        var drops = Metrics.WithCustomRegistry(registry).CreateCounter("test_frames_dropped_total", "drops", ["camera", "reason"]);
        drops.WithLabels("cam-a", "superseded").Inc(1215);
        drops.WithLabels("cam-a", "rate_limit").Inc(3);
        drops.WithLabels("cam-b", "superseded").Inc(7);

        Assert.Equal(1218, CameraCounters.Sum(drops, "cam-a"));
        Assert.True(CameraCounters.Has(drops, "cam-b"));
        Assert.Equal(0, CameraCounters.Sum(drops, "cam-c"));
        Assert.False(CameraCounters.Has(drops, "cam-c"));
        Assert.DoesNotContain(drops.GetAllLabelValues(), v => v[0] == "cam-c");
    }
}
