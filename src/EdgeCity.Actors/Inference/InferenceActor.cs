using Akka.Actor;
using Akka.Event;
using EdgeCity.Actors.Cameras;
using EdgeCity.Vision.Inference;

namespace EdgeCity.Actors.Inference;

/// <summary>
/// One per model per node: loads the model (on a thread of its own, piped back), then attaches cameras to its
/// <see cref="InferenceLoop"/>. A model that fails to load is one error naming it; every camera that asks is told
/// <see cref="ModelUnavailable"/>, and the node carries on.
/// </summary>
public sealed class InferenceActor : ReceiveActor, IWithStash
{
    private readonly string _modelName;
    private readonly CameraPipelineOptions _options;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private DetectionModel? _model;
    private InferenceLoop? _loop;

    public InferenceActor(string modelName, CameraPipelineOptions options)
    {
        _modelName = modelName;
        _options = options;
        Loading();
    }

    public IStash Stash { get; set; } = null!;

    public static Props Props(string modelName, CameraPipelineOptions options) => Akka.Actor.Props.Create(() => new InferenceActor(modelName, options));

    protected override void PreStart()
    {
        var detectorOptions = _options.ToDetectorOptions();
        Task.Factory.StartNew(
                () => DetectionModel.Load(_options.ModelsDirectory, _modelName, detectorOptions),
                CancellationToken.None,
                TaskCreationOptions.LongRunning, // loading reads and optimises the model: not on the dispatcher's threads
                TaskScheduler.Default)
            .PipeTo(Self, success: m => new Loaded(m), failure: ex => new LoadFailed(ex is AggregateException { InnerException: { } inner } ? inner : ex));
    }

    protected override void PostStop()
    {
        // The loop's thread may be inside a run: waiting for it here would hold a dispatcher thread (the .NET thread
        // pool, which also carries cluster heartbeats) for up to 5 s. A thread of its own waits, then frees the model.
        var (loop, model) = (_loop, _model);
        if (loop is null)
        {
            model?.Dispose();
            return;
        }

        loop.RequestStop();
        new Thread(() =>
        {
            loop.Join(TimeSpan.FromSeconds(5));
            model?.Dispose();
        })
        { IsBackground = true, Name = "inference-stop-" + _modelName }.Start();
    }

    private void Loading()
    {
        Receive<Loaded>(loaded =>
        {
            _model = loaded.Model;
            foreach (var skipped in _model.SkippedProviders)
            {
                _log.Info("model {0}: provider skipped: {1}", _modelName, skipped);
            }

            if (_model.WeightsAsInputsAdvice is { } advice)
            {
                _log.Warning("model {0}: {1}", _modelName, advice);
            }

            _log.Info("model {0}: loaded on {1} ({2} layout, {3}x{4} input, batch {5})", _modelName, _model.ProviderLabel, _model.Manifest.Layout,
                _model.Manifest.Input.Width, _model.Manifest.Input.Height, _model.FixedBatch?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? $"dynamic, up to {_model.MaxBatch}");
            CameraMetrics.ModelUp.WithLabels(_modelName, _model.ProviderLabel).Set(1);
            _loop = new InferenceLoop(_model, _options.ToDetectorOptions(), _options.Time, _log, PrivateFrames.Get(Context.System).Store);
            _loop.Start();
            Become(Ready);
            Stash.UnstashAll();
        });
        Receive<LoadFailed>(failed =>
        {
            var reason = failed.Error.Message;
            _log.Error("model {0} unavailable, its cameras are down: {1}", _modelName, reason);
            CameraMetrics.ModelUp.WithLabels(_modelName, "none").Set(0);
            Become(() => Failed(reason));
            Stash.UnstashAll();
        });
        ReceiveAny(_ => Stash.Stash());
    }

    private void Ready()
    {
        Receive<AttachCamera>(a =>
        {
            _loop!.Attach(a.CameraId, a.Slot, a.Camera);
            a.Camera.Tell(new ModelReady(_modelName, _model!.ProviderLabel));
        });
        Receive<DetachCamera>(d => _loop!.Detach(d.CameraId, d.Slot));
    }

    private void Failed(string reason)
    {
        Receive<AttachCamera>(a =>
        {
            a.Slot.Release(); // the reading side is ours: nobody will read it
            a.Camera.Tell(new ModelUnavailable(_modelName, reason));
        });
        Receive<DetachCamera>(_ => { });
    }

    private sealed record Loaded(DetectionModel Model);

    private sealed record LoadFailed(Exception Error);
}
