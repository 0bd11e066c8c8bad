using EdgeCity.Domain.Signals;

namespace EdgeCity.Domain.Control.Controllers;

/// <summary>
/// Max-pressure (back-pressure) control: after its minimum green, the phase with the highest pressure — the sum over
/// its movements of saturation flow × (queue − downstream queue) — is served, acyclically; the current phase is kept
/// unless another beats it by a margin that grows with the clearance the switch would cost.
/// </summary>
public sealed class MaxPressureController(SignalTimings timings, SaturationFlows saturation, MaxPressureSettings? settings = null) : ISignalController
{
    private readonly IntersectionSignalModel _model = timings.Model;
    private readonly MaxPressureSettings _settings = settings ?? new MaxPressureSettings();

    public string Name => "max-pressure";

    /// <summary>The pressure of a phase for the given observations (vehicles per second of green, weighted).</summary>
    public double Pressure(Phase phase, ControllerInput input) => phase.Greens.Sum(m =>
    {
        var o = input.Of(m);
        var rate = saturation.VehiclesPerSecond(m) * (phase.PermissiveGreens.Contains(m) && !phase.ProtectedGreens.Contains(m) ? 0.5 : 1.0);
        return o.Stale ? 0.0 : rate * (o.QueueVehicles - o.DownstreamQueueVehicles);
    });

    public SignalDecision Decide(ControllerInput input)
    {
        var signal = input.Signal;
        if (signal.InTransition)
        {
            return new SignalDecision(signal.ActivePhaseId, "max-pressure: transition in progress");
        }

        var current = _model.Phases[timings.PhaseIndex[signal.ActivePhaseId]];
        if (input.GreenSeconds + 1e-6 < timings.MinGreenSeconds(current) + _settings.DecisionIntervalSeconds)
        {
            return new SignalDecision(current.Id, "max-pressure: min green");
        }

        var best = current;
        var bestPressure = Pressure(current, input);
        var currentPressure = bestPressure;
        foreach (var phase in _model.Phases)
        {
            var p = Pressure(phase, input);
            if (p > bestPressure)
            {
                best = phase;
                bestPressure = p;
            }
        }

        var margin = _settings.SwitchMargin + (_settings.MarginPerClearanceSecond * timings.TransitionSeconds(current, best));
        return best != current && (bestPressure > currentPressure + margin || (currentPressure <= 0 && bestPressure > 0))
            ? new SignalDecision(best.Id, $"max-pressure: {best.Id} {bestPressure:F2} > {current.Id} {currentPressure:F2}")
            : new SignalDecision(current.Id, $"max-pressure: hold {current.Id} {currentPressure:F2}");
    }
}
