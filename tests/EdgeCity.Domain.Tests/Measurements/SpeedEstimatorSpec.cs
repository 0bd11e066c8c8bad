using EdgeCity.Domain.Calibration;
using EdgeCity.Domain.Geometry;
using EdgeCity.Domain.Measurements;

namespace EdgeCity.Domain.Tests.Measurements;

public sealed class SpeedEstimatorSpec
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Speed_from_capture_timestamps_is_exact_for_a_constant_speed_vehicle_with_irregular_frames()
    {
        // 13.9 m/s (50 km/h) along a diagonal of the road plane, seen through a perspective camera whose frames
        // arrive 20–180 ms apart: any assumed frame rate would be wrong, the timestamps are not.
        var calibration = Homography.FromMatrix([0.021, -0.0065, -12.4, 0.0012, -0.049, 36.2, 0.00002, -0.0011, 1]);
        var toImage = calibration.Inverse();
        var estimator = new SpeedEstimator(TimeSpan.FromSeconds(1), TimeSpan.Zero);
        var rng = new Random(3);
        var direction = new Point2(0.6, 0.8);
        var start = new Point2(-3, 5);
        var t = 0.0;
        var speeds = new List<double>();
        for (var i = 0; i < 60; i++)
        {
            t += 0.02 + (rng.NextDouble() * 0.16);
            var at = T0.AddTicks((long)Math.Round(t * TimeSpan.TicksPerSecond));
            var exactT = (at - T0).TotalSeconds;
            var road = start + (direction * (13.9 * exactT));
            var pixel = toImage.Project(road);
            if (estimator.Observe(42, at, calibration.Project(pixel)) is { } v)
            {
                speeds.Add(v);
            }
        }

        Assert.Equal(59, speeds.Count);
        Assert.All(speeds, v => Assert.Equal(13.9, v, 1e-6));
    }

    [Fact]
    public void A_jittering_box_gives_no_speed_until_its_samples_span_half_a_second_and_then_a_close_one()
    {
        // 10 m/s along the road, positions jittered ±1 m (a box edge's pixel of jitter far from the camera), 10 frames/s.
        var estimator = new SpeedEstimator();
        var rng = new Random(7);
        var speeds = new List<(double T, double V)>();
        for (var i = 0; i < 30; i++)
        {
            var t = i * 0.1;
            var jitter = (rng.NextDouble() * 2) - 1;
            if (estimator.Observe(1, T0.AddSeconds(t), new Point2((10 * t) + jitter, 0)) is { } v)
            {
                speeds.Add((t, v));
            }
        }

        Assert.Equal(0.5, speeds[0].T, 9);
        Assert.All(speeds, s => Assert.InRange(s.V, 7.0, 13.0));
        Assert.InRange(speeds.Average(s => s.V), 9.0, 11.0);

        // One metre of jitter each way over the first 0.1 s alone (the old 50 ms floor) reads 30 m/s for a 10 m/s car.
        var early = new SpeedEstimator(TimeSpan.FromSeconds(1), TimeSpan.Zero);
        early.Observe(2, T0, new Point2(-1, 0));
        Assert.Equal(30, early.Observe(2, T0.AddSeconds(0.1), new Point2(1 + 1, 0))!.Value, 9);
    }

    [Fact]
    public void A_single_sample_or_a_repeated_timestamp_gives_no_speed()
    {
        var estimator = new SpeedEstimator();

        Assert.Null(estimator.Observe(1, T0, new Point2(0, 0)));
        Assert.Null(estimator.Observe(1, T0, new Point2(5, 0)));
        Assert.Equal(10, estimator.Observe(1, T0.AddSeconds(0.5), new Point2(5, 0))!.Value, 9);
    }

    [Fact]
    public void Forgetting_a_track_frees_its_samples()
    {
        var estimator = new SpeedEstimator();
        estimator.Observe(1, T0, new Point2(0, 0));
        estimator.Observe(2, T0, new Point2(0, 0));

        estimator.Forget(1);

        Assert.Equal(1, estimator.Tracks);
    }
}
