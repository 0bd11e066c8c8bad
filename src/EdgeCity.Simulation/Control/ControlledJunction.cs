using System.Globalization;
using EdgeCity.Domain.Control;
using EdgeCity.Domain.Control.Controllers;
using EdgeCity.Domain.Control.Supervision;
using EdgeCity.Simulation.Network;

namespace EdgeCity.Simulation.Control;

/// <summary>
/// One signalised junction under EdgeCity control in-process: the same controller, <see cref="PlanValidator"/> and
/// <see cref="SignalRuleMonitor"/> the coordinator actor uses, ticked on the simulation clock. Only the validator's
/// output becomes SUMO's state string.
/// </summary>
public sealed class ControlledJunction
{
    private readonly ISignalController _controller;
    private readonly PlanValidator _validator;
    private readonly SignalRuleMonitor _monitor;
    private readonly Dictionary<string, MovementObservation> _observations = [];
    private string? _lastState;
    private string? _lastTarget;

    /// <param name="signal">The junction's signal model and programme.</param>
    /// <param name="controller">The controller's name (<see cref="SignalControllers.Names"/>).</param>
    /// <param name="startTime">Simulation seconds at the first tick.</param>
    /// <param name="tickSeconds">Simulation step.</param>
    /// <param name="closelySpaced">See <see cref="CloselySpaced"/>.</param>
    /// <param name="network">The network, to watch approaches upstream through junctions without signals (<see cref="MovementLanes.DetectionMeters"/>).</param>
    /// <param name="supervised">Put the <see cref="JunctionSupervisor"/> under an adaptive controller (the default, as on a box).</param>
    public ControlledJunction(SumoSignalModel signal, string controller, double startTime, double tickSeconds, bool closelySpaced = false, bool supervised = true, SumoNetwork? network = null)
    {
        TrafficLightId = signal.TrafficLight.Id;
        LinkCount = signal.TrafficLight.LinkCount;
        Timings = new SignalTimings(ControlBounds.Relax(signal.Model));
        CloselySpaced = closelySpaced;
        Lanes = MovementLanes.Of(signal.TrafficLight, Timings.Model, network);
        var adaptive = SignalControllers.Create(controller, Timings, schedule: SumoSchedule with { FollowProgramClock = closelySpaced });
        Supervisor = supervised ? JunctionSupervision.Supervise(adaptive, Timings) : null;
        _controller = (ISignalController?)Supervisor ?? adaptive;
        _validator = new PlanValidator(Timings, startTime);
        _monitor = new SignalRuleMonitor(Timings, startTime, tickSeconds);
        _monitor.Observe(_validator.Current);
    }

    /// <summary>
    /// The schedule-driven settings for SUMO: SUMO's permissive turns (lower-case 'g') discharge at about 0.8 of a
    /// protected green in the shipped scenarios, not the cautious 0.5 the default assumes.
    /// </summary>
    public static readonly ScheduleSettings SumoSchedule = new() { PermissiveRateFactor = 0.8 };

    public string TrafficLightId { get; }

    public int LinkCount { get; }

    public SignalTimings Timings { get; }

    public IReadOnlyList<MovementLanes> Lanes { get; }

    public string ControllerName => _controller.Name;

    /// <summary>The supervisor under the adaptive controller (null for fixed time, or when unsupervised).</summary>
    public JunctionSupervisor? Supervisor { get; }

    /// <summary>Closely spaced (<see cref="JunctionSpacing"/>): the schedule-driven controller keeps the program's clock.</summary>
    public bool CloselySpaced { get; }

    public SignalState State => _validator.Current;

    /// <summary>Decisions the validator refused (it prevented them; the run continues).</summary>
    public long Prevented { get; private set; }

    /// <summary>Rules the independent monitor saw broken in what was shown: any one fails the run.</summary>
    public IReadOnlyList<ValidatorViolation> RuleBreaks => _monitor.Violations;

    public long Changes { get; private set; }

    /// <summary>Where each phase change the controller asks for is written, as one CSV line (<see cref="DecisionHeader"/>); null: not written.</summary>
    public TextWriter? Decisions { get; init; }

    public const string DecisionHeader = "time_s,light,from_phase,to_phase,reason,queues";

    /// <summary>The state string SUMO must show now, or null when it did not change since the last tick.</summary>
    /// <param name="time">Simulation seconds.</param>
    /// <param name="detectors">The detectors, read this step.</param>
    /// <param name="measured">Observations that replace the detectors' on their movements (cameras), if any.</param>
    public string? Tick(double time, SumoDetectors detectors, IReadOnlyDictionary<string, MovementObservation>? measured = null)
    {
        foreach (var lanes in Lanes)
        {
            _observations[lanes.MovementId] = measured is not null && measured.TryGetValue(lanes.MovementId, out var m) ? m : detectors.Observe(lanes, time);
        }

        var decision = _controller.Decide(new ControllerInput(time, _validator.Current, _observations));
        if (Decisions is not null && decision.TargetPhaseId != _validator.Current.ActivePhaseId && decision.TargetPhaseId != _lastTarget)
        {
            WriteDecision(time, decision);
        }

        _lastTarget = decision.TargetPhaseId;
        var step = _validator.Step(time, decision);
        Prevented += step.Violations.Count;
        _monitor.Observe(step.State);
        var state = SumoSignalState.Encode(Timings.Model, step.State.Indications, LinkCount);
        if (state == _lastState)
        {
            return null;
        }

        Changes++;
        _lastState = state;
        return state;
    }

    private void WriteDecision(double time, SignalDecision decision)
    {
        var queues = string.Join(' ', _observations.Select(o => $"{o.Key}={o.Value.QueueVehicles:0.#}+{o.Value.Approaching.Count}"));
        Decisions!.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{time:0.#},{TrafficLightId},{_validator.Current.ActivePhaseId},{decision.TargetPhaseId},\"{decision.Reason.Replace('"', '\'')}\",{queues}"));
    }
}
