using Akka.Actor;
using Akka.Event;
using EdgeCity.Actors.Inference;
using EdgeCity.Vision.Capture;

namespace EdgeCity.Actors.Cameras;

/// <summary>
/// One per camera. Runs a <see cref="CameraCapture"/> on its own thread that hands only the newest frame to the model's
/// <see cref="InferenceActor"/>, publishes <see cref="CameraStatus"/> and the camera's
/// <see cref="EdgeCity.Domain.Detection.FrameDetections"/> on the event stream, and keeps a watchdog: a read hung
/// longer than the watchdog gets its capture abandoned and a new one started. Never blocks.
/// </summary>
public sealed class CameraActor : ReceiveActor, IWithTimers
{
    private readonly CameraSettings _settings;
    private readonly IActorRef _inference;
    private readonly TimeProvider _time;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private CameraCapture? _capture;
    private int _generation;
    private CameraState _state = CameraState.Starting;
    private string _reason = "starting";
    private bool _modelUnavailable;

    public CameraActor(CameraSettings settings, IActorRef inference, TimeProvider time)
    {
        _settings = settings;
        _inference = inference;
        _time = time;

        Receive<CaptureStateChanged>(OnCaptureState);
        Receive<FrameInferred>(f => Context.System.EventStream.Publish(f.Detections));
        Receive<ModelReady>(m => _log.Info("camera {0}: model {1} ready on {2}", Id, m.Model, m.Provider));
        Receive<ModelUnavailable>(OnModelUnavailable);
        Receive<WatchdogTick>(_ => CheckWatchdog());
        Receive<RepublishCameraStatus>(_ => Context.System.EventStream.Publish(new CameraStatus(Id, _state, _reason, _time.GetUtcNow())));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    private string Id => _settings.CameraId;

    /// <summary>The actor name of a camera's actor (the operator view asks that name to repeat its status).</summary>
    public static string NameOf(string cameraId) => "camera-" + Uri.EscapeDataString(cameraId);

    public static Props Props(CameraSettings settings, IActorRef inference, TimeProvider time) =>
        Akka.Actor.Props.Create(() => new CameraActor(settings, inference, time));

    protected override void PreStart()
    {
        CameraMetrics.StreamUp.WithLabels(Id).Set(0);
        StartCapture(firstFrame: 0);
        var period = TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(100).Ticks, _settings.Watchdog.Ticks / 4));
        Timers.StartPeriodicTimer("watchdog", WatchdogTick.Instance, period);
    }

    protected override void PostStop()
    {
        StopCapture();
        CameraMetrics.StreamUp.WithLabels(Id).Set(0);
    }

    private void StartCapture(long firstFrame)
    {
        var slot = new LatestFrameSlot();
        _generation++;
        _capture = new CameraCapture(Id, _settings.Source, slot, new CaptureReporter(Id, _generation, Self), _time, _settings.Backoff, firstFrame);
        _inference.Tell(new AttachCamera(Id, slot, Self));
        _capture.Start();
    }

    private void StopCapture()
    {
        if (_capture is null)
        {
            return;
        }

        // Abandon rather than join: a read may be hung, and this is the dispatcher's thread.
        _capture.Abandon();
        _inference.Tell(new DetachCamera(Id, _capture.Slot));
        _capture = null;
    }

    private void OnCaptureState(CaptureStateChanged change)
    {
        if (change.Generation != _generation || _modelUnavailable)
        {
            return; // a replaced capture's last words
        }

        SetState(change.State, change.Reason);
    }

    private void OnModelUnavailable(ModelUnavailable m)
    {
        _modelUnavailable = true;
        StopCapture(); // the slot's reading side was released by the inference actor; the capture releases its own
        Timers.Cancel("watchdog");
        SetState(CameraState.Down, $"model '{m.Model}' unavailable: {m.Reason}");
    }

    private void CheckWatchdog()
    {
        if (_capture is null || _capture.StalledFor <= _settings.Watchdog)
        {
            return;
        }

        var stalled = _capture.StalledFor;
        var next = _capture.FrameNumber;
        StopCapture();
        CameraMetrics.Reconnects.WithLabels(Id).Inc();
        SetState(CameraState.Down, $"watchdog: a read hung for {stalled.TotalSeconds:0.0} s; capture recreated");
        StartCapture(next);
    }

    private void SetState(CameraState state, string reason)
    {
        var changed = state != _state;
        _state = state;
        _reason = reason;
        CameraMetrics.StreamUp.WithLabels(Id).Set(state == CameraState.Up ? 1 : 0);
        if (state == CameraState.Up)
        {
            _log.Info("camera {0}: stream up ({1})", Id, reason);
        }
        else if (changed || state == CameraState.Down)
        {
            _log.Warning("camera {0}: {1}: {2}", Id, state.ToString().ToLowerInvariant(), reason);
        }

        Context.System.EventStream.Publish(new CameraStatus(Id, state, reason, _time.GetUtcNow()));
    }

    private sealed class WatchdogTick
    {
        public static readonly WatchdogTick Instance = new();
    }
}
