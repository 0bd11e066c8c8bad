using EdgeCity.Domain.Calibration;
using EdgeCity.Domain.Counting;
using EdgeCity.Domain.Detection;
using EdgeCity.Domain.Geometry;
using EdgeCity.Domain.Measurements;
using EdgeCity.Domain.Zones;
using Det = EdgeCity.Domain.Detection.Detection;

namespace EdgeCity.Domain.Tests.Measurements;

public sealed class CameraTrafficAnalyzerSpec
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);
    private static readonly Homography TenPixelsPerMetre = Homography.FromMatrix([0.1, 0, 0, 0, 0.1, 0, 0, 0, 1]);

    private static CameraAnalyticsSetup Setup() => new("j1", "cam-n", "north")
    {
        Calibration = TenPixelsPerMetre,
        Lines = [new CountLine("n-stop", "north", new Point2(0, 500), new Point2(640, 500))],
        Zones = [new LaneZone("n0", "north", "north_0", [new(0, 0), new(640, 0), new(640, 510), new(0, 510)], new Point2(0, 500), new Point2(640, 500))],
    };

    private static FrameDetections Frame(long n, DateTimeOffset at, params Det[] dets) => new("cam-n", n, at, 640, 720, dets);

    private static Det Car(double x, double bottom) => new(new BoxF((float)x - 30, (float)bottom - 40, (float)x + 30, (float)bottom), 2, "car", 0.9f);

    [Fact]
    public void Vehicles_driving_over_the_stop_line_become_counts_flow_and_speed_in_the_measurement()
    {
        var clock = new ManualClock(T0);
        var analyzer = new CameraTrafficAnalyzer(Setup(), clock);
        var measurements = new List<ApproachMeasurement>();

        // Two cars side by side at 10 m/s (100 px/s), frames every 100 ms, for 6 s; the line is at y = 500.
        for (var i = 1; i <= 60; i++)
        {
            var at = T0.AddMilliseconds(100 * i);
            clock.Advance(TimeSpan.FromMilliseconds(100));
            Assert.NotNull(analyzer.Process(Frame(i, at, Car(150, 200 + (10 * i)), Car(450, 200 + (10 * i))), out _));
            if (i % 10 == 0)
            {
                measurements.AddRange(analyzer.Measure());
            }
        }

        Assert.All(measurements, m => Assert.Equal("north", m.Approach));
        Assert.Equal(2, measurements.Sum(m => m.VehiclesCounted));
        var counted = measurements.Single(m => m.VehiclesCounted > 0);
        Assert.Equal(new LineClassCount("n-stop", CrossingDirection.Forward, "car", 2), Assert.Single(counted.Counts));
        Assert.Equal(2 * 3600.0 / 6, measurements[^1].FlowVehiclesPerHour, 6);
        Assert.Equal(10.0, measurements[2].MeanSpeedMetersPerSecond!.Value, 3);
        Assert.Null(measurements[^1].MeanSpeedMetersPerSecond); // both cars have left the lane zone
        Assert.Equal(TimeSpan.Zero, measurements[^1].DataAge);
        Assert.False(measurements[^1].CameraDown);
        Assert.True(measurements[2].Presence);
        Assert.False(measurements[^1].Presence);
    }

    [Fact]
    public void An_uncalibrated_camera_counts_the_cars_but_reports_no_speed()
    {
        var clock = new ManualClock(T0);
        var analyzer = new CameraTrafficAnalyzer(Setup() with { Calibration = null, Zones = [] }, clock);
        var measurements = new List<ApproachMeasurement>();

        for (var i = 1; i <= 60; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
            Assert.NotNull(analyzer.Process(Frame(i, T0.AddMilliseconds(100 * i), Car(150, 200 + (10 * i)), Car(450, 200 + (10 * i))), out _));
            if (i % 10 == 0)
            {
                measurements.AddRange(analyzer.Measure());
            }
        }

        Assert.Equal(2, measurements.Sum(m => m.VehiclesCounted));
        Assert.All(measurements, m => Assert.Null(m.MeanSpeedMetersPerSecond));
    }

    [Fact]
    public void Lane_zones_without_a_calibration_are_refused_naming_the_camera()
    {
        var e = Assert.Throws<ArgumentException>(() => new CameraTrafficAnalyzer(Setup() with { Calibration = null }, new ManualClock(T0)));

        Assert.Contains("camera 'cam-n': lane zones measure queues in metres and need a calibration", e.Message);
    }

    private static Det Person(double x, double bottom) => new(new BoxF((float)x - 6, (float)bottom - 34, (float)x + 6, (float)bottom), 5, "person", 0.9f);

    [Fact]
    public void Pedestrians_walking_over_the_line_and_through_the_zone_are_not_traffic_when_the_model_names_its_vehicles()
    {
        var clock = new ManualClock(T0);
        var manifest = new ModelManifest { Classes = ["car", "bus", "truck", "motorcycle", "bicycle", "person"], VehicleClasses = ["car", "bus", "truck", "motorcycle", "bicycle"] };
        var analyzer = new CameraTrafficAnalyzer(manifest.ApplyTo(Setup()), clock);
        var measurements = new List<ApproachMeasurement>();

        // One car and, beside it, two pedestrians walking over the same line the same way (0.6 m/s), ending inside the zone.
        for (var i = 1; i <= 60; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
            var at = T0.AddMilliseconds(100 * i);
            var result = analyzer.Process(Frame(i, at, Car(150, 200 + (10 * i)), Person(400, 470 + (0.6 * i)), Person(560, 469 + (0.6 * i))), out _);
            Assert.NotNull(result);
            Assert.All(result.Vehicles, v => Assert.Equal("car", v.ClassName));
            if (i % 10 == 0)
            {
                measurements.AddRange(analyzer.Measure());
            }
        }

        Assert.Equal(1, measurements.Sum(m => m.VehiclesCounted));
        Assert.Equal(new LineClassCount("n-stop", CrossingDirection.Forward, "car", 1), Assert.Single(measurements.Single(m => m.VehiclesCounted > 0).Counts));
        // Once the car has left, the pedestrians still in the zone hold no presence for the signal.
        Assert.False(measurements[^1].Presence);
    }

    [Fact]
    public void Without_vehicle_classes_every_detected_class_is_traffic()
    {
        var clock = new ManualClock(T0);
        var analyzer = new CameraTrafficAnalyzer(new ModelManifest { Classes = ["person"] }.ApplyTo(Setup()), clock);
        var counted = 0;
        for (var i = 1; i <= 60; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
            counted += analyzer.Process(Frame(i, T0.AddMilliseconds(100 * i), Person(400, 200 + (10 * i))), out _)!.Counts.Count;
        }

        Assert.Equal(1, counted);
    }

    [Fact]
    public void A_frame_older_than_the_previous_one_is_dropped_with_a_reason()
    {
        var analyzer = new CameraTrafficAnalyzer(Setup(), new ManualClock(T0));
        analyzer.Process(Frame(2, T0.AddSeconds(1), Car(100, 100)), out _);

        var result = analyzer.Process(Frame(1, T0, Car(100, 100)), out var reason);

        Assert.Null(result);
        Assert.Equal("out_of_order", reason);
    }

    [Fact]
    public void A_camera_without_frames_or_marked_down_says_so_and_says_it_again_when_up()
    {
        var clock = new ManualClock(T0);
        var analyzer = new CameraTrafficAnalyzer(Setup(), clock);

        clock.Advance(TimeSpan.FromSeconds(6));
        var silent = Assert.Single(analyzer.Measure());
        analyzer.Process(Frame(1, clock.GetUtcNow(), Car(100, 100)), out _);
        var fresh = Assert.Single(analyzer.Measure());
        analyzer.MarkCameraDown("rtsp read timeout");
        var down = Assert.Single(analyzer.Measure());
        analyzer.MarkCameraUp();
        clock.Advance(TimeSpan.FromSeconds(2));
        var up = Assert.Single(analyzer.Measure());

        Assert.True(silent.CameraDown);
        Assert.Null(silent.DataAge);
        Assert.False(fresh.CameraDown);
        Assert.True(down.CameraDown);
        Assert.Equal("rtsp read timeout", down.CameraDownReason);
        Assert.False(up.CameraDown);
        Assert.Equal(TimeSpan.FromSeconds(2), up.DataAge);
    }

    [Fact]
    public void Reconfiguring_lines_keeps_tracks_and_counts_on_the_new_line_only()
    {
        var clock = new ManualClock(T0);
        var analyzer = new CameraTrafficAnalyzer(Setup(), clock);
        for (var i = 1; i <= 5; i++)
        {
            analyzer.Process(Frame(i, T0.AddMilliseconds(100 * i), Car(150, 300 + (10 * i))), out _);
        }

        analyzer.Reconfigure([new CountLine("n-upstream", "north", new Point2(0, 400), new Point2(640, 400))], []);
        var events = new List<CountEvent>();
        for (var i = 6; i <= 40; i++)
        {
            events.AddRange(analyzer.Process(Frame(i, T0.AddMilliseconds(100 * i), Car(150, 300 + (10 * i))), out _)!.Counts);
        }

        Assert.Equal("n-upstream", Assert.Single(events).LineId);
        Assert.Equal(1, analyzer.Tracker.NextId - 1);
        Assert.Throws<ArgumentException>(() => analyzer.Reconfigure([new CountLine("bad", "north", new Point2(0, 0), new Point2(0, 0))], []));
        Assert.Equal("n-upstream", Assert.Single(analyzer.Setup.Lines).Id);
    }
}
