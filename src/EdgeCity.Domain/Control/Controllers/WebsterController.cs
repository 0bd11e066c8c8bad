using EdgeCity.Domain.Signals;

namespace EdgeCity.Domain.Control.Controllers;

/// <summary>
/// Webster's method, recomputed once per cycle from measured flows: critical flow ratio y = flow / saturation flow per
/// phase (its busiest movement), cycle C0 = (1.5 L + 5) / (1 − Y) bounded and moved at most a set step per cycle, and
/// the cycle's effective green split in proportion to y. A corridor's advised cycle replaces C0 when given.
/// </summary>
public sealed class WebsterController(SignalTimings timings, SaturationFlows saturation, WebsterSettings? settings = null) : ISignalController
{
    private readonly IntersectionSignalModel _model = timings.Model;
    private readonly WebsterSettings _settings = settings ?? new WebsterSettings();
    private double _servingSince = double.NaN;
    private string? _serving;

    public string Name => "webster";

    /// <summary>The plan in force (null until the first cycle starts).</summary>
    public WebsterPlan? Plan { get; private set; }

    public SignalDecision Decide(ControllerInput input)
    {
        var signal = input.Signal;
        if (signal.InTransition)
        {
            return new SignalDecision(signal.ActivePhaseId, "webster: transition in progress");
        }

        var servingSince = input.TimeSeconds - input.GreenSeconds;
        var newService = signal.ActivePhaseId != _serving || Math.Abs(servingSince - _servingSince) > 1e-6;
        _serving = signal.ActivePhaseId;
        _servingSince = servingSince;
        if (Plan is null || (newService && signal.ActivePhaseId == _model.Phases[0].Id))
        {
            Plan = ComputePlan(input, Plan);
        }

        var phase = _model.Phases[timings.PhaseIndex[signal.ActivePhaseId]];
        var split = Plan.GreenSeconds[phase.Id];
        return input.GreenSeconds + 1e-6 < split
            ? new SignalDecision(phase.Id, $"webster: cycle {Plan.CycleSeconds:F0} s, green {split:F1} s")
            : new SignalDecision(PhaseCycle.Next(_model, phase.Id).Id, $"webster: split {split:F1} s served (cycle {Plan.CycleSeconds:F0} s, Y {Plan.FlowRatioSum:F2})");
    }

    /// <summary>The plan for the measured flows; <paramref name="previous"/> bounds how far the cycle may move.</summary>
    public WebsterPlan ComputePlan(ControllerInput input, WebsterPlan? previous)
    {
        var n = _model.Phases.Count;
        var ratios = _model.Phases.Select(p => p.Greens
            .Select(m => input.Of(m) is { Stale: false } o ? o.FlowVehiclesPerHour / saturation.VehiclesPerHour(m) : 0.0)
            .DefaultIfEmpty(0.0).Max()).ToArray();
        var lost = _model.Phases.Select((p, i) => timings.TransitionSeconds(p, _model.Phases[(i + 1) % n]) + _settings.StartupLostSeconds).Sum();
        var y = Math.Min(ratios.Sum(), _settings.MaxFlowRatioSum);
        var optimum = input.Advice is { CycleSeconds: > 0 } advice ? advice.CycleSeconds : WebsterPlan.OptimumCycle(lost, y);
        var cycle = Math.Clamp(optimum, _settings.MinCycleSeconds, _settings.MaxCycleSeconds);
        if (previous is not null)
        {
            cycle = Math.Clamp(cycle, previous.CycleSeconds - _settings.MaxCycleChangeSeconds, previous.CycleSeconds + _settings.MaxCycleChangeSeconds);
        }

        var effective = Math.Max(0.0, cycle - lost);
        var sum = ratios.Sum();
        var greens = new Dictionary<string, double>();
        for (var i = 0; i < n; i++)
        {
            var p = _model.Phases[i];
            var share = sum > 0 ? ratios[i] / sum : 1.0 / n;
            greens[p.Id] = Math.Clamp(effective * share, timings.MinGreenSeconds(p), timings.MaxGreenSeconds(p));
        }

        return new WebsterPlan(cycle, greens, lost, ratios.Sum());
    }
}
