using EdgeCity.Domain.Calibration;
using EdgeCity.Domain.Detection;
using EdgeCity.Domain.Geometry;
using EdgeCity.Domain.Measurements;
using EdgeCity.Domain.Zones;
using Det = EdgeCity.Domain.Detection.Detection;

namespace EdgeCity.Domain.Tests.Measurements;

public sealed class ArrivalEstimatorSpec
{
    private const double Stopped = 1.39;
    private const double Floor = 50 / 3.6 / 3;
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    // 10 px per metre; the stop line at y = 500 px is 50 m from y = 0 on the road plane.
    private static CameraAnalyticsSetup Setup() => new("j1", "cam-n", "north")
    {
        Calibration = Homography.FromMatrix([0.1, 0, 0, 0, 0.1, 0, 0, 0, 1]),
        Zones =
        [
            new LaneZone("n0", "north", "north_0", [new(0, 0), new(320, 0), new(320, 510), new(0, 510)], new Point2(0, 500), new Point2(320, 500)),
            new LaneZone("n1", "north", "north_1", [new(320, 0), new(640, 0), new(640, 510), new(320, 510)], new Point2(320, 500), new Point2(640, 500)),
        ],
    };

    private static FrameDetections Frame(long n, DateTimeOffset at, params Det[] dets) => new("cam-n", n, at, 640, 720, dets);

    private static Det Car(double x, double bottom) => new(new BoxF((float)x - 30, (float)bottom - 40, (float)x + 30, (float)bottom), 2, "car", 0.9f);

    [Fact]
    public void A_vehicle_50_m_out_doing_10_m_per_s_arrives_in_5_s()
    {
        Assert.Equal(5.0, ArrivalEstimator.EtaSeconds(50, 10, Stopped, Floor)!.Value, 9);
    }

    [Fact]
    public void A_slow_vehicle_is_timed_at_the_floor_speed_because_it_is_accelerating()
    {
        Assert.Equal(20 / Floor, ArrivalEstimator.EtaSeconds(20, 2, Stopped, Floor)!.Value, 9);
    }

    [Fact]
    public void A_stopped_vehicle_or_one_without_a_speed_is_no_arrival()
    {
        Assert.Null(ArrivalEstimator.EtaSeconds(12, 0.5, Stopped, Floor));
        Assert.Null(ArrivalEstimator.EtaSeconds(12, null, Stopped, Floor));
    }

    [Fact]
    public void The_measurement_carries_each_lanes_moving_tracks_with_distance_speed_and_arrival_and_leaves_stopped_ones_to_the_queue()
    {
        var clock = new ManualClock(T0);
        var analyzer = new CameraTrafficAnalyzer(Setup(), clock);

        // Lane north_0: a car driving at 10 m/s (100 px/s), frames every 100 ms; lane north_1: a car standing 2 m
        // behind the stop line.
        for (var i = 1; i <= 10; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
            analyzer.Process(Frame(i, T0.AddMilliseconds(100 * i), Car(150, 100 + (10 * i)), Car(480, 480)), out _);
        }

        var m = Assert.Single(analyzer.Measure());

        var moving = Assert.Single(m.Approaching);
        Assert.Equal("north_0", moving.Lane);
        Assert.Equal(30.0, moving.DistanceMeters, 6); // its anchor is at y = 200 px, 30 m from the line
        Assert.Equal(10.0, moving.SpeedMetersPerSecond, 3);
        Assert.Equal(3.0, moving.EtaSeconds, 3);
        var standing = m.Lanes.Single(l => l.Lane == "north_1");
        Assert.Equal(1, standing.StoppedVehicles);
    }

    [Fact]
    public void A_track_the_tracker_has_not_confirmed_is_no_arrival()
    {
        var clock = new ManualClock(T0);
        var analyzer = new CameraTrafficAnalyzer(Setup(), clock);

        // Two frames: the default tracker confirms a track on its third hit.
        for (var i = 1; i <= 2; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
            analyzer.Process(Frame(i, T0.AddMilliseconds(100 * i), Car(150, 100 + (10 * i))), out _);
        }

        Assert.Empty(Assert.Single(analyzer.Measure()).Approaching);
    }

    [Fact]
    public void A_camera_that_is_down_reports_no_arrivals()
    {
        var clock = new ManualClock(T0);
        var analyzer = new CameraTrafficAnalyzer(Setup(), clock);
        for (var i = 1; i <= 10; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
            analyzer.Process(Frame(i, T0.AddMilliseconds(100 * i), Car(150, 100 + (10 * i))), out _);
        }

        analyzer.MarkCameraDown("rtsp read timeout");

        Assert.Empty(Assert.Single(analyzer.Measure()).Approaching);
    }
}
