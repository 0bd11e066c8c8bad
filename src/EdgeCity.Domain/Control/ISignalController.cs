namespace EdgeCity.Domain.Control;

/// <summary>Turns measurements into the phase an intersection should serve. Every decision goes through <see cref="PlanValidator"/>.</summary>
public interface ISignalController
{
    /// <summary>The name used in site files, logs and reports (for example <c>actuated</c>).</summary>
    string Name { get; }

    SignalDecision Decide(ControllerInput input);
}
