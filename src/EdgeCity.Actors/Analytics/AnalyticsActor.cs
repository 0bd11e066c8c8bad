using Akka.Actor;
using Akka.Event;
using EdgeCity.Domain.Detection;
using EdgeCity.Actors.Cameras;
using EdgeCity.Domain.Measurements;

namespace EdgeCity.Actors.Analytics;

/// <summary>
/// One camera's traffic analytics: takes the camera's <see cref="FrameDetections"/>, runs tracker → count lines,
/// lane zones and speeds, and every reporting interval sends one <see cref="ApproachMeasurement"/> per approach to
/// its target (the intersection's coordinator). Lines and zones are replaced at run time with
/// <see cref="ReconfigureAnalytics"/>; <see cref="CameraFeedDown"/>/<see cref="CameraFeedUp"/> flag the measurements.
/// The work per frame is a few microseconds of arithmetic, so it runs in the actor; bad frames are counted, never fatal.
/// </summary>
public sealed class AnalyticsActor : ReceiveActor, IWithTimers
{
    private readonly CameraTrafficAnalyzer _analyzer;
    private readonly IActorRef _target;
    private readonly bool _timed;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly string _camera;
    private readonly bool _listen;
    private readonly TimeProvider _time;
    private readonly TimeProvider? _captureClock;
    private DateTimeOffset? _lastStamp;
    private bool _wasDown;
    private bool _sawFrame;

    public AnalyticsActor(CameraAnalyticsSetup setup, IActorRef target, TimeProvider time, bool timed, bool listen = false, TimeProvider? captureClock = null)
    {
        _analyzer = new CameraTrafficAnalyzer(setup, time);
        _time = time;
        _captureClock = captureClock;
        _target = target;
        _timed = timed;
        _listen = listen;
        _camera = setup.CameraId;
        Receive<CameraStatus>(s => s.CameraId == _camera && s.State != CameraState.Starting, s =>
            Self.Forward(s.State == CameraState.Up ? new CameraFeedUp(_camera) : new CameraFeedDown(_camera, s.Reason)));
        Receive<CameraStatus>(_ => { });

        Receive<FrameDetections>(OnFrame);
        Receive<PublishMeasurements>(_ => Publish());
        Receive<ReconfigureAnalytics>(OnReconfigure);
        Receive<CameraFeedDown>(m => m.CameraId == _camera, m =>
        {
            _log.Warning("Camera {0} down: {1}", _camera, m.Reason);
            _wasDown = true;
            _analyzer.MarkCameraDown(m.Reason);
        });
        Receive<CameraFeedUp>(m => m.CameraId == _camera, _ =>
        {
            // "Again" only after it was down: a first connect is not a recovery.
            _log.Info(_wasDown ? "Camera {0} up again" : "Camera {0} up", _camera);
            _analyzer.MarkCameraUp();
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>
    /// Props for one camera. <paramref name="timed"/> false leaves publishing to <see cref="PublishMeasurements"/>
    /// messages (tests, offline evaluation); otherwise the actor publishes every <see cref="MeasurementOptions.Interval"/>.
    /// </summary>
    public static Props Props(CameraAnalyticsSetup setup, IActorRef target, TimeProvider? time = null, bool timed = true) =>
        Akka.Actor.Props.Create(() => new AnalyticsActor(setup, target, time ?? TimeProvider.System, timed, false));

    /// <summary>
    /// Props for a camera on the box: the actor takes its camera's detections and status from the event stream itself
    /// (its <see cref="CameraActor"/> publishes them there) and ignores other cameras'. It measures on
    /// <paramref name="time"/>; when the cameras stamp frames on another clock (<paramref name="captureClock"/>: the wall
    /// clock, while the coordinators run on a simulation's), a frame taken <c>lag</c> ago by that clock is taken
    /// <c>lag</c> before now on this one, and a camera's frames stay in order.
    /// </summary>
    public static Props Listening(CameraAnalyticsSetup setup, IActorRef target, TimeProvider time, TimeProvider? captureClock = null) =>
        Akka.Actor.Props.Create(() => new AnalyticsActor(setup, target, time, true, true, captureClock));

    protected override void PreStart()
    {
        if (_listen)
        {
            Context.System.EventStream.Subscribe(Self, typeof(FrameDetections));
            Context.System.EventStream.Subscribe(Self, typeof(CameraStatus));
        }

        if (_timed)
        {
            Timers.StartPeriodicTimer("publish", PublishMeasurements.Instance, _analyzer.Setup.Measurement.Interval);
        }
    }

    protected override void PostStop()
    {
        if (_listen)
        {
            Context.System.EventStream.Unsubscribe(Self);
        }

        AnalyticsMetrics.TracksActive.WithLabels(_camera).Set(0);
    }

    private void OnFrame(FrameDetections frame)
    {
        if (frame.CameraId != _camera && _listen)
        {
            return; // the event stream carries every camera's frames
        }

        if (frame.CameraId != _camera)
        {
            AnalyticsMetrics.FramesDropped.WithLabels(_camera, "wrong_camera").Inc();
            _log.Warning("Analytics of camera {0} got a frame of camera {1}: dropped", _camera, frame.CameraId);
            return;
        }

        if (_captureClock is { } capture && !ReferenceEquals(capture, _time))
        {
            var lag = capture.GetUtcNow() - frame.CapturedAt;
            var at = _time.GetUtcNow() - (lag > TimeSpan.Zero ? lag : TimeSpan.Zero);
            if (_lastStamp is { } previous && at <= previous)
            {
                at = previous + TimeSpan.FromMilliseconds(1); // a simulation's steps are coarser than frame spacing can be
            }

            _lastStamp = at;
            frame = frame with { CapturedAt = at };
        }

        FrameAnalysis? result;
        string? reason;
        try
        {
            result = _analyzer.Process(frame, out reason);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or ArithmeticException)
        {
            AnalyticsMetrics.FramesDropped.WithLabels(_camera, "error").Inc();
            _log.Error(e, "Analytics of camera {0}: frame {1} failed", _camera, frame.FrameNumber);
            return;
        }

        if (result is null)
        {
            AnalyticsMetrics.FramesDropped.WithLabels(_camera, reason ?? "error").Inc();
            return;
        }

        _sawFrame = true;
        AnalyticsMetrics.Frames.WithLabels(_camera).Inc();
        AnalyticsMetrics.TracksActive.WithLabels(_camera).Set(result.Tracks.ActiveTracks);
        foreach (var c in result.Counts)
        {
            AnalyticsMetrics.VehiclesCounted.WithLabels(_camera, c.LineId, c.Direction.ToString().ToLowerInvariant(), c.ClassName).Inc();
        }
    }

    private void Publish()
    {
        // Before its first frame a camera has measured nothing: a report now would tell the coordinator the approach
        // is fresh and empty (and the operator's history zero flow), when the truth is "no data yet" (stale: recall).
        if (!_sawFrame)
        {
            return;
        }

        var measurements = _analyzer.Measure();
        foreach (var m in measurements)
        {
            AnalyticsMetrics.QueueLength.WithLabels(m.IntersectionId, m.Approach).Set(m.QueueLengthMeters);
            AnalyticsMetrics.Occupancy.WithLabels(m.IntersectionId, m.Approach).Set(m.Occupancy ?? 0);
            _target.Tell(m);
            Context.System.EventStream.Publish(m); // for this node's operator view: camera health and data age
        }

        if (measurements.Count > 0)
        {
            AnalyticsMetrics.CameraDown.WithLabels(_camera).Set(measurements[0].CameraDown ? 1 : 0);
            if (measurements[0].DataAge is { } age)
            {
                AnalyticsMetrics.DataAge.WithLabels(_camera).Set(age.TotalSeconds);
            }
        }
    }

    private void OnReconfigure(ReconfigureAnalytics message)
    {
        try
        {
            _analyzer.Reconfigure(message.Lines, message.Zones);
            _log.Info("Camera {0}: now {1} count lines and {2} lane zones", _camera, message.Lines.Count, message.Zones.Count);
            Sender.Tell(new AnalyticsReconfigured(_camera, message.Lines.Count, message.Zones.Count));
        }
        catch (ArgumentException e)
        {
            _log.Warning("Camera {0}: reconfiguration rejected: {1}", _camera, e.Message);
            Sender.Tell(new AnalyticsReconfigurationRejected(_camera, e.Message));
        }
    }
}
