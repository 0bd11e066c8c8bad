using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Event;
using EdgeCity.Actors.Cluster;
using EdgeCity.Domain.Control;
using EdgeCity.Domain.Control.Controllers;
using EdgeCity.Domain.Control.Supervision;

namespace EdgeCity.Actors.Signals;

/// <summary>
/// Decides one intersection's signal, on the box wired to it. Every tick (≥ 10 Hz, from the settings' TimeProvider)
/// it builds the controller's view from the latest measurements (stale ones marked), lets the controller decide —
/// behind the stale-data fallback —, passes the decision through the <see cref="PlanValidator"/>, and sends every
/// changed state, in order, to its <see cref="ISignalHead"/> and the audit log. The validator is the only way to the
/// head, so changes happen only at safe boundaries whatever the controller, the fallback or the corridor advice say.
/// </summary>
public sealed class IntersectionCoordinator : ReceiveActor
{
    private readonly IntersectionCoordinatorSettings _settings;
    private readonly string _id;
    private readonly FallbackController _controller;
    private readonly JunctionSupervisor? _supervisor;
    private long _handoversSeen;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Dictionary<string, (MovementObservation Observation, DateTimeOffset At)> _latest = [];
    private readonly Dictionary<string, OutflowTimeline> _upstream = [];
    private readonly List<IActorRef> _outflowSubscribers = [];
    private readonly Queue<SignalCommand> _headQueue = new();
    private readonly CancellationTokenSource _stopping = new();
    private PlanValidator _validator = null!;
    private SignalRuleMonitor _monitor = null!;
    private DateTimeOffset _start;
    private double _lastTime;
    private ITimer? _timer;
    private bool _headBusy;
    private CorridorAdviceOffer? _advice;
    private CorridorAdvice? _adviceInForce;
    private OutflowForecast? _published;
    private FallbackMode _mode = FallbackMode.None;
    private long _ticks;
    private long _decisions;
    private string? _phaseShown;
    private bool _wasFresh;
    private string? _headFault;
    private string? _handedBack;
    private IActorRef? _mediator;
    private DateTimeOffset _lastPublished = DateTimeOffset.MinValue;
    private long _prevented;
    private DateTimeOffset _lastAudit = DateTimeOffset.MinValue;

    public IntersectionCoordinator(IntersectionCoordinatorSettings settings)
    {
        if (settings.TickInterval <= TimeSpan.Zero || settings.TickInterval > TimeSpan.FromMilliseconds(100))
        {
            throw new ArgumentException($"tick interval {settings.TickInterval} must be in (0, 100 ms]: the coordinator decides at 10 Hz or faster", nameof(settings));
        }

        _settings = settings;
        _id = settings.Timings.Model.IntersectionId;
        // The same chain as the simulator's junctions: adaptive controller, the supervisor that hands back to the
        // fallback (actuated control on the programme) when it does worse, the stale-data fallback, then the validator.
        _supervisor = settings.Supervise ? JunctionSupervision.Supervise(settings.Controller, settings.Timings) : null;
        _controller = settings.Controller as FallbackController
            ?? new FallbackController((ISignalController?)_supervisor ?? settings.Controller, settings.Timings);

        Receive<Tick>(t => OnTick(t.At));
        Receive<MovementMeasurement>(m => _latest[m.MovementId] = (m.Observation, m.MeasuredAt));
        Receive<ApproachObservation>(OnApproach);
        Receive<EdgeCity.Domain.Measurements.ApproachMeasurement>(OnCamera);
        Receive<CorridorAdviceOffer>(OnAdvice);
        Receive<Cluster.Contracts.CorridorAdvice>(a =>
        {
            // The corridor singleton's advice, from any box: taken when it names this intersection.
            if (CorridorAdviceIntake.For(_id, a, _start, _settings.Time.GetUtcNow()) is { } offer)
            {
                _advice = offer;
            }
        });
        Receive<SubscribeAck>(_ => { });
        Receive<OutflowForecast>(f =>
        {
            if (!_upstream.TryGetValue(f.IntersectionId, out var timeline))
            {
                _upstream[f.IntersectionId] = timeline = new OutflowTimeline();
            }

            timeline.Merge(f);
        });
        Receive<SubscribeOutflow>(s => _outflowSubscribers.Add(s.Subscriber));
        Receive<HeadDone>(_ =>
        {
            _headBusy = false;
            _headFault = null;
            PumpHead();
        });
        Receive<HeadFailed>(f =>
        {
            SignalMetrics.HeadErrors.WithLabels(_id).Inc();
            _headFault = $"signal head {_settings.Head.Name} failed to apply {f.Command.State.ActivePhaseId}: {f.Error.Message}";
            _log.Error(f.Error, "Signal head {0} failed to apply {1} at {2}", _settings.Head.Name, f.Command.State.ActivePhaseId, _id);
            _headBusy = false;
            PumpHead();
        });
        Receive<GetIntersectionStatus>(_ => Sender.Tell(new IntersectionStatus(
            _id, _controller.Name, _validator.Current, _mode, _controller.StaleMovements, _ticks, _decisions, _prevented,
            _monitor.Violations.Count, _adviceInForce) { Approaches = LatestByApproach(), HeadFault = _headFault, HandedBack = _handedBack }));
    }

    public static Props Props(IntersectionCoordinatorSettings settings) =>
        Akka.Actor.Props.Create(() => new IntersectionCoordinator(settings));

    protected override void PreStart()
    {
        if (Context.System is ExtendedActorSystem { Provider: Akka.Cluster.ClusterActorRefProvider })
        {
            _mediator = DistributedPubSub.Get(Context.System).Mediator;
        }

        if (_settings.AcceptCorridorAdvice)
        {
            // Advice comes from the corridor singleton wherever it runs (the local event stream outside a cluster).
            if (_mediator is not null)
            {
                _mediator.Tell(new Subscribe(ClusterTopics.CorridorAdvice, Self));
            }
            else
            {
                Context.System.EventStream.Subscribe(Self, typeof(Cluster.Contracts.CorridorAdvice));
            }
        }

        var time = _settings.Time;
        _start = time.GetUtcNow();
        _validator = _settings.AdoptPhaseId is { } adopt ? PlanValidator.Adopting(_settings.Timings, 0.0, adopt) : new PlanValidator(_settings.Timings, 0.0);
        _monitor = new SignalRuleMonitor(_settings.Timings, 0.0, _settings.TickInterval.TotalSeconds);
        if (_settings.AdoptPhaseId is null)
        {
            _monitor.Observe(_validator.Current);
        }
        else
        {
            _monitor.Adopt(_validator.Current);
        }

        SignalMetrics.FallbackActive.WithLabels(_id).Set(0);
        SignalMetrics.SupervisorHandedBack.WithLabels(_id).Set(0);
        SignalMetrics.CorridorCycle.WithLabels(_id).Set(0);

        // Counters that must stay 0 export a 0 from the start: an alert on them must see a series, not nothing.
        SignalMetrics.SupervisorHandBacks.WithLabels(_id);
        SignalMetrics.RuleBreaks.WithLabels(_id);
        SignalMetrics.ControllerErrors.WithLabels(_id);
        SignalMetrics.HeadErrors.WithLabels(_id);
        SignalMetrics.Decisions.WithLabels(_id);
        foreach (var rule in Enum.GetValues<ValidatorRule>())
        {
            SignalMetrics.ViolationsPrevented.WithLabels(_id, rule.ToString());
        }
        Send(_validator.Current, _settings.AdoptPhaseId is null ? "start-up: all red before the first phase" : $"start-up: adopted phase {_settings.AdoptPhaseId}", null, []);

        // The timer thread only posts a message stamped with its time; all state stays on the actor.
        var self = Self;
        _timer = time.CreateTimer(_ => self.Tell(new Tick(time.GetUtcNow())), null, _settings.TickInterval, _settings.TickInterval);
        _log.Info("Coordinator {0} runs {1} at {2:F0} Hz, head {3}", _id, _controller.Name, 1 / _settings.TickInterval.TotalSeconds, _settings.Head.Name);
    }

    protected override void PostStop()
    {
        _timer?.Dispose();
        _stopping.Cancel();
        _stopping.Dispose();
        SignalMetrics.FallbackActive.WithLabels(_id).Set(0);
        if (_phaseShown is not null)
        {
            SignalMetrics.ActivePhase.RemoveLabelled(_id, _phaseShown); // a stopped coordinator serves no phase
        }
    }

    private void OnApproach(ApproachObservation m)
    {
        foreach (var movement in _settings.Timings.Model.Movements.Where(x => x.Approach == m.Approach))
        {
            _latest[movement.Id] = (m.Observation, m.MeasuredAt);
        }
    }

    /// <summary>A camera's measurement of an approach: each movement of it gets its lanes' figures (the approach's when its lanes are not known).</summary>
    private void OnCamera(EdgeCity.Domain.Measurements.ApproachMeasurement m)
    {
        var movements = _settings.Timings.Model.Movements.Where(x => x.Approach == m.Approach).ToList();
        if (movements.Count == 0)
        {
            SignalMetrics.CameraObservationsUnmatched.WithLabels(m.CameraId).Inc();
            _log.Warning("Coordinator {0}: camera {1} measures approach {2}, which its signal model lacks; dropped", _id, m.CameraId, m.Approach);
            return;
        }

        var at = MovementObservations.MeasuredAt(m);
        foreach (var movement in movements)
        {
            _latest[movement.Id] = (_settings.MovementLanes.TryGetValue(movement.Id, out var lanes) ? MovementObservations.OfMovement(m, lanes) : MovementObservations.OfApproach(m), at);
        }

        SignalMetrics.CameraObservations.WithLabels(_id, m.Approach).Inc();
    }

    private void OnAdvice(CorridorAdviceOffer offer)
    {
        _advice = offer;
        if (PreferredCycleSeconds() is { } preferred)
        {
            Sender.Tell(new PreferredCycle(_id, preferred));
        }
    }

    /// <summary>The cycle this intersection's controller would run on its own, when it runs in cycles.</summary>
    private double? PreferredCycleSeconds() => Adaptive switch
    {
        WebsterController { Plan: { } plan } => plan.CycleSeconds,
        FixedTimeController f => f.NaturalCycleSeconds,
        _ => null,
    };

    private void OnTick(DateTimeOffset at)
    {
        _ticks++;
        if (at - _lastPublished >= TimeSpan.FromSeconds(1))
        {
            PublishState(at, _validator.Current);
        }

        var t = Math.Max(_lastTime, (at - _start).TotalSeconds);
        _lastTime = t;
        _adviceInForce = TakeAdvice(at);
        SignalMetrics.CorridorCycle.WithLabels(_id).Set(_adviceInForce?.CycleSeconds ?? 0);
        var input = new ControllerInput(t, _validator.Current, Observe(at), _adviceInForce);
        SignalDecision decision;
        try
        {
            decision = _controller.Decide(input);
        }
        catch (Exception e)
        {
            // A controller bug must not restart the actor: a fresh validator would start in all-red and cut a green.
            SignalMetrics.ControllerErrors.WithLabels(_id).Inc();
            _log.Error(e, "Controller {0} at {1} failed; holding {2}", _controller.Name, _id, _validator.Current.ActivePhaseId);
            decision = new SignalDecision(_validator.Current.ActivePhaseId, $"controller {_controller.Name} failed: {e.Message}; holding");
        }

        var step = _validator.Step(t, decision);
        _monitor.Observe(step.State);
        ReportFallback();
        ReportSupervisor();

        foreach (var v in step.Violations)
        {
            _prevented++;
            SignalMetrics.ViolationsPrevented.WithLabels(_id, v.Rule.ToString()).Inc();
            _log.Warning("Validator at {0} prevented {1}: {2} (controller: {3})", _id, v.Rule, v.Detail, decision.Reason);
        }

        if (_monitor.Violations.Count > 0 && step.Changed)
        {
            SignalMetrics.RuleBreaks.WithLabels(_id).Inc();
            _log.Error("Rule monitor at {0}: {1}", _id, _monitor.Violations[^1].Detail);
        }

        SignalMetrics.Phase.WithLabels(_id).Set(_settings.Timings.PhaseIndex[step.State.ActivePhaseId]);
        if (_phaseShown != step.State.ActivePhaseId)
        {
            // The phase by its id (what the API says), one series at a time: the previous phase's series goes.
            if (_phaseShown is not null)
            {
                SignalMetrics.ActivePhase.RemoveLabelled(_id, _phaseShown);
            }

            _phaseShown = step.State.ActivePhaseId;
            SignalMetrics.ActivePhase.WithLabels(_id, _phaseShown).Set(1);
        }
        if (step.Changed)
        {
            _decisions++;
            SignalMetrics.Decisions.WithLabels(_id).Inc();
            Send(step.State, decision.Reason, decision, step.Violations);
        }

        else if (_settings.AuditHeartbeat > TimeSpan.Zero && at - _lastAudit >= _settings.AuditHeartbeat)
        {
            // The audit log proves a valid plan at every moment, not only at changes: a heartbeat while a state holds.
            Audit(step.State, $"holding {step.State.ActivePhaseId}: {decision.Reason}", decision, []);
        }

        PublishOutflow();
    }

    private List<ApproachObservation> LatestByApproach() =>
        _settings.Timings.Model.Movements
            .Where(m => _latest.ContainsKey(m.Id))
            .GroupBy(m => m.Approach, StringComparer.Ordinal)
            .Select(g =>
            {
                var seen = g.Select(m => _latest[m.Id]).ToList();
                var busiest = new MovementObservation
                {
                    QueueVehicles = seen.Max(x => x.Observation.QueueVehicles),
                    FlowVehiclesPerHour = seen.Max(x => x.Observation.FlowVehiclesPerHour),
                    Occupancy = seen.Max(x => x.Observation.Occupancy),
                    Presence = seen.Any(x => x.Observation.Presence),
                    Stale = seen.All(x => x.Observation.Stale),
                };
                return new ApproachObservation(g.Key, busiest, seen.Max(x => x.At));
            })
            .ToList();

    private IReadOnlyDictionary<string, MovementObservation> Observe(DateTimeOffset now)
    {
        var result = new Dictionary<string, MovementObservation>();
        foreach (var movement in _settings.Timings.Model.Movements)
        {
            if (!_latest.TryGetValue(movement.Id, out var latest))
            {
                result[movement.Id] = MovementObservation.Missing;
                continue;
            }

            var age = now - latest.At;
            var observation = latest.Observation with { AgeSeconds = age.TotalSeconds, Stale = latest.Observation.Stale || age > _settings.StaleAfter };
            result[movement.Id] = observation.Stale ? observation : WithForecast(movement.Id, observation, now);
        }

        return result;
    }

    private MovementObservation WithForecast(string movementId, MovementObservation observation, DateTimeOffset now)
    {
        var nowUnix = now.ToUnixTimeMilliseconds() / 1000.0;

        // Vehicles nearer than the farthest one detected are already in the observation: only add what lies beyond.
        var detectedUpTo = observation.Approaching.Count > 0 ? observation.Approaching.Max(a => a.EtaSeconds) : 0.0;
        List<ApproachingVehicle>? predicted = null;
        foreach (var link in _settings.UpstreamLinks.Where(l => l.Movement == movementId))
        {
            if (_upstream.TryGetValue(link.UpstreamIntersection, out var timeline))
            {
                (predicted ??= [.. observation.Approaching]).AddRange(
                    timeline.ArrivalsFrom(link.UpstreamMovement, link.TravelSeconds, link.Share, nowUnix).Where(v => v.EtaSeconds > detectedUpTo));
            }
        }

        return predicted is null ? observation : observation with { Approaching = predicted };
    }

    private CorridorAdvice? TakeAdvice(DateTimeOffset now) =>
        _settings.AcceptCorridorAdvice && _advice is { } offer && offer.ValidUntil > now && offer.IntersectionId == _id ? offer.Advice : null;

    private ISignalController Adaptive => _supervisor?.Adaptive ?? _controller.Primary;

    private void ReportSupervisor()
    {
        if (_supervisor is null || _supervisor.HandoverCount == _handoversSeen)
        {
            return;
        }

        _handoversSeen = _supervisor.HandoverCount;
        var last = _supervisor.Handovers[^1];
        SignalMetrics.SupervisorHandedBack.WithLabels(_id).Set(last.To == SupervisorMode.HandedBack ? 1 : 0);
        _handedBack = last.To == SupervisorMode.HandedBack ? last.Reason : null;
        if (last.To == SupervisorMode.HandedBack)
        {
            SignalMetrics.SupervisorHandBacks.WithLabels(_id).Inc();
            _log.Warning("Coordinator {0}: supervisor hands back to actuated control until {1:F0} s: {2}", _id, last.UntilSeconds, last.Reason);
        }
        else
        {
            _log.Info("Coordinator {0}: supervisor gives {1} back control: {2}", _id, _supervisor.Adaptive.Name, last.Reason);
        }
    }

    private void ReportFallback()
    {
        SignalMetrics.StaleMovements.WithLabels(_id).Set(_controller.StaleMovements.Count);
        if (_controller.Mode == _mode)
        {
            return;
        }

        _mode = _controller.Mode;
        SignalMetrics.FallbackActive.WithLabels(_id).Set(_mode == FallbackMode.None ? 0 : 1);
        if (_mode == FallbackMode.None)
        {
            _log.Info(_wasFresh ? "Coordinator {0}: data fresh again, {1} decides" : "Coordinator {0}: first measurements in, {1} decides", _id, _controller.Name);
            _wasFresh = true;
        }
        else if (_latest.Count == 0)
        {
            // Starting without data is the normal start, not an alarm: the fallback runs until measurements arrive.
            _log.Info("Coordinator {0} runs {1} until its first measurements arrive", _id, _mode);
        }
        else
        {
            var stale = _controller.StaleMovements;
            var old = stale.Where(_latest.ContainsKey).ToList();
            var never = stale.Where(m => !_latest.ContainsKey(m)).ToList();
            _log.Warning(
                "Coordinator {0} falls back to {1}: {2}",
                _id,
                _mode,
                string.Join("; ", new[]
                {
                    old.Count > 0 ? $"data older than {_settings.StaleAfter.TotalSeconds} s on {string.Join(",", old)}" : null,
                    never.Count > 0 ? $"no data yet on {string.Join(",", never)}" : null,
                }.Where(x => x is not null)));
        }
    }

    private void PublishOutflow()
    {
        if (_outflowSubscribers.Count == 0 || Adaptive is not ScheduleDrivenController { Outflow: { } outflow } || ReferenceEquals(outflow, _published))
        {
            return;
        }

        _published = outflow;

        // Neighbours run their own clocks: forecasts travel in Unix seconds.
        var shared = outflow with { StartTimeSeconds = (_start + TimeSpan.FromSeconds(outflow.StartTimeSeconds)).ToUnixTimeMilliseconds() / 1000.0 };
        foreach (var subscriber in _outflowSubscribers)
        {
            subscriber.Tell(shared);
        }
    }

    private void Send(SignalState state, string reason, SignalDecision? decision, IReadOnlyList<ValidatorViolation> violations)
    {
        var at = Audit(state, reason, decision, violations);
        Context.System.EventStream.Publish(new SignalStateChanged(_id, at, state, reason, _controller.Mode));
        PublishState(at, state);
        _headQueue.Enqueue(new SignalCommand(_id, at, state, reason));
        PumpHead();
    }

    /// <summary>
    /// What this intersection shows, on the cluster's intersection-states topic (the corridor coordinator and the
    /// operator views of other boxes read it): at every change and once a second, so a late subscriber catches up.
    /// Only in a cluster; a box on its own has no topic.
    /// </summary>
    private void PublishState(DateTimeOffset at, SignalState state)
    {
        if (_mediator is null)
        {
            return;
        }

        _lastPublished = at;
        var queues = LatestByApproach().ToDictionary(a => a.Approach, a => a.Observation.QueueVehicles * MovementObservations.QueuedVehicleMeters, StringComparer.Ordinal);
        var indications = state.Indications.ToDictionary(kv => kv.Key, kv => kv.Value.Code(), StringComparer.Ordinal);
        _mediator.Tell(new Publish(ClusterTopics.IntersectionStates, new Cluster.Contracts.IntersectionState(_id, at, state.ActivePhaseId, indications, _controller.Name, _controller.Mode != FallbackMode.None, queues)
        {
            PreferredCycleSeconds = PreferredCycleSeconds(),
            CorridorId = _adviceInForce?.CorridorId,
        }));
    }

    private DateTimeOffset Audit(SignalState state, string reason, SignalDecision? decision, IReadOnlyList<ValidatorViolation> violations)
    {
        var at = _start + TimeSpan.FromSeconds(state.TimeSeconds);
        _lastAudit = _settings.Time.GetUtcNow();
        _settings.Audit.Write(new SignalAuditRecord
        {
            Time = at,
            Valid = _monitor.Violations.Count == 0,
            Intersection = _id,
            Controller = _controller.Name,
            Fallback = _controller.Mode switch
            {
                FallbackMode.RecallStaleApproaches => "recall-stale-approaches",
                FallbackMode.FixedTime => "fixed-time",
                _ => "none",
            },
            StaleMovements = _controller.StaleMovements,
            Phase = state.ActivePhaseId,
            InTransition = state.InTransition,
            Requested = decision?.TargetPhaseId ?? state.ActivePhaseId,
            Reason = reason,
            Indications = state.Indications.ToDictionary(kv => kv.Key, kv => kv.Value.ToString()),
            ViolationsPrevented = violations.Select(v => $"{v.Rule}: {v.Detail}").ToList(),
        });
        return at;
    }

    private void PumpHead()
    {
        // One command in flight at a time and in order: a head must never skip a yellow.
        if (_headBusy || _headQueue.Count == 0)
        {
            return;
        }

        _headBusy = true;
        var command = _headQueue.Dequeue();
        Task task;
        try
        {
            task = _settings.Head.ApplyAsync(command, _stopping.Token);
        }
        catch (Exception e)
        {
            task = Task.FromException(e);
        }

        task.PipeTo(Self, success: () => HeadDone.Instance, failure: e => new HeadFailed(command, e));
    }

    private sealed record Tick(DateTimeOffset At);

    private sealed class HeadDone
    {
        public static readonly HeadDone Instance = new();
    }

    private sealed record HeadFailed(SignalCommand Command, Exception Error);
}
