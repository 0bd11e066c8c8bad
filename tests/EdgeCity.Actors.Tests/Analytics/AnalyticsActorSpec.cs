using Akka.Actor;
using EdgeCity.Actors.Analytics;
using EdgeCity.Domain.Calibration;
using EdgeCity.Domain.Counting;
using EdgeCity.Domain.Detection;
using EdgeCity.Domain.Geometry;
using EdgeCity.Domain.Measurements;
using EdgeCity.Domain.Zones;
using Prometheus;
using Det = EdgeCity.Domain.Detection.Detection;

namespace EdgeCity.Actors.Tests.Analytics;

public sealed class AnalyticsActorSpec : Akka.TestKit.Xunit2.TestKit
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    private readonly ManualClock _clock = new(T0);

    public AnalyticsActorSpec()
        : base("akka.loglevel = WARNING")
    {
    }

    private static CameraAnalyticsSetup Setup(string camera) => new("j7", camera, "north")
    {
        Calibration = Homography.FromMatrix([0.1, 0, 0, 0, 0.1, 0, 0, 0, 1]),
        Lines = [new CountLine("n-stop", "north", new Point2(0, 500), new Point2(640, 500))],
        Zones = [new LaneZone("n0", "north", "north_0", [new(0, 0), new(640, 0), new(640, 510), new(0, 510)], new Point2(0, 500), new Point2(640, 500))],
    };

    private static Det Vehicle(double x, double bottom, string cls = "car") =>
        new(new BoxF((float)x - 30, (float)bottom - 40, (float)x + 30, (float)bottom), cls == "car" ? 2 : 7, cls, 0.9f);

    /// <summary>Starts the actor and waits until it runs, so its clock starts at T0 before the test moves it.</summary>
    private IActorRef Start(string camera, IActorRef coordinator)
    {
        var actor = Sys.ActorOf(AnalyticsActor.Props(Setup(camera), coordinator, _clock, timed: false));
        actor.Ask<ActorIdentity>(new Identify(camera), TimeSpan.FromSeconds(5)).Wait();
        return actor;
    }

    /// <summary>Sends frames 100 ms apart (capture time and the clock move together) with the vehicles at each step.</summary>
    private void Drive(IActorRef actor, string camera, int from, int to, Func<int, Det[]> vehicles)
    {
        for (var i = from; i <= to; i++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(100));
            actor.Tell(new FrameDetections(camera, i, _clock.GetUtcNow(), 640, 720, vehicles(i)));
        }
    }

    private static async Task<string> ScrapeAsync()
    {
        using var stream = new MemoryStream();
        await Metrics.DefaultRegistry.CollectAndExportAsTextAsync(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public async Task Detections_in_become_a_measurement_out_with_the_right_counts()
    {
        var coordinator = CreateTestProbe();
        var actor = Start("cam-a1", coordinator);

        // A car and a truck side by side drive over the stop line (y = 500) at 10 m/s.
        Drive(actor, "cam-a1", 1, 40, i => [Vehicle(150, 200 + (10 * i)), Vehicle(450, 200 + (10 * i), "truck")]);
        actor.Tell(PublishMeasurements.Instance);

        var m = coordinator.ExpectMsg<ApproachMeasurement>();
        Assert.Equal(("j7", "north", "cam-a1"), (m.IntersectionId, m.Approach, m.CameraId));
        Assert.Equal(2, m.VehiclesCounted);
        Assert.Equal(
            [new LineClassCount("n-stop", CrossingDirection.Forward, "car", 1), new LineClassCount("n-stop", CrossingDirection.Forward, "truck", 1)],
            m.Counts);
        Assert.Equal(2 * 3600.0 / 4, m.FlowVehiclesPerHour, 6);
        Assert.Equal(TimeSpan.FromSeconds(4), m.Interval);
        Assert.False(m.CameraDown);
        Assert.Equal(TimeSpan.Zero, m.DataAge);
        coordinator.ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        var text = await ScrapeAsync();
        Assert.Contains("edgecity_vehicles_counted_total{camera=\"cam-a1\",line=\"n-stop\",direction=\"forward\",class=\"car\"} 1", text);
        Assert.Contains("edgecity_vehicles_counted_total{camera=\"cam-a1\",line=\"n-stop\",direction=\"forward\",class=\"truck\"} 1", text);
        Assert.Contains("edgecity_analytics_frames_total{camera=\"cam-a1\"} 40", text);
        Assert.Contains("edgecity_queue_length_meters{intersection=\"j7\",approach=\"north\"} 0", text);
    }

    [Fact]
    public void A_line_moved_at_run_time_counts_where_it_now_is()
    {
        var coordinator = CreateTestProbe();
        var actor = Start("cam-a2", coordinator);
        Drive(actor, "cam-a2", 1, 10, i => [Vehicle(150, 100 + (10 * i))]);

        actor.Tell(new ReconfigureAnalytics([new CountLine("n-upstream", "north", new Point2(0, 300), new Point2(640, 300))], []));
        Assert.Equal(new AnalyticsReconfigured("cam-a2", 1, 0), ExpectMsg<AnalyticsReconfigured>());
        Drive(actor, "cam-a2", 11, 50, i => [Vehicle(150, 100 + (10 * i))]);
        actor.Tell(PublishMeasurements.Instance);

        var m = coordinator.ExpectMsg<ApproachMeasurement>();
        Assert.Equal(new LineClassCount("n-upstream", CrossingDirection.Forward, "car", 1), Assert.Single(m.Counts));
        Assert.Empty(m.Lanes);
    }

    [Fact]
    public void An_invalid_reconfiguration_is_rejected_and_the_old_lines_keep_counting()
    {
        var coordinator = CreateTestProbe();
        var actor = Start("cam-a3", coordinator);

        actor.Tell(new ReconfigureAnalytics([new CountLine("dot", "north", new Point2(5, 5), new Point2(5, 5))], []));
        var rejected = ExpectMsg<AnalyticsReconfigurationRejected>();
        actor.Tell(new ReconfigureAnalytics([new CountLine("orphan", "", new Point2(0, 5), new Point2(50, 5))], []));
        Assert.Contains("'orphan': the approach", ExpectMsg<AnalyticsReconfigurationRejected>().Reason);
        Drive(actor, "cam-a3", 1, 40, i => [Vehicle(150, 200 + (10 * i))]);
        actor.Tell(PublishMeasurements.Instance);

        Assert.Contains("'dot'", rejected.Reason);
        Assert.Equal("n-stop", Assert.Single(coordinator.ExpectMsg<ApproachMeasurement>().Counts).LineId);
    }

    [Fact]
    public async Task Camera_down_and_up_messages_flag_the_measurement_and_foreign_frames_are_counted_drops()
    {
        var coordinator = CreateTestProbe();
        var actor = Start("cam-a4", coordinator);
        Drive(actor, "cam-a4", 1, 5, _ => []);

        actor.Tell(new CameraFeedDown("cam-a4", "rtsp read timeout"));
        actor.Tell(new FrameDetections("cam-zz", 1, _clock.GetUtcNow(), 640, 720, []));
        actor.Tell(PublishMeasurements.Instance);
        var down = coordinator.ExpectMsg<ApproachMeasurement>();
        actor.Tell(new CameraFeedUp("cam-a4"));
        actor.Tell(PublishMeasurements.Instance);
        var up = coordinator.ExpectMsg<ApproachMeasurement>();

        Assert.True(down.CameraDown);
        Assert.Equal("rtsp read timeout", down.CameraDownReason);
        Assert.False(up.CameraDown);
        Assert.Contains("edgecity_analytics_frames_dropped_total{camera=\"cam-a4\",reason=\"wrong_camera\"} 1", await ScrapeAsync());
    }

    [Fact]
    public void Before_its_first_frame_a_camera_reports_nothing_rather_than_an_empty_approach()
    {
        var coordinator = CreateTestProbe();
        var actor = Start("cam-a6", coordinator);

        actor.Tell(PublishMeasurements.Instance);

        coordinator.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public void With_its_timer_the_actor_publishes_by_itself()
    {
        var coordinator = CreateTestProbe();
        var setup = Setup("cam-a5") with { Measurement = new MeasurementOptions { Interval = TimeSpan.FromMilliseconds(200) } };
        var actor = Sys.ActorOf(AnalyticsActor.Props(setup, coordinator, TimeProvider.System));
        actor.Tell(new FrameDetections("cam-a5", 1, TimeProvider.System.GetUtcNow(), 640, 720, []));

        var first = coordinator.ExpectMsg<ApproachMeasurement>(TimeSpan.FromSeconds(5));
        var second = coordinator.ExpectMsg<ApproachMeasurement>(TimeSpan.FromSeconds(5));

        Assert.Equal("cam-a5", first.CameraId);
        Assert.True(second.At > first.At);
    }
}
