namespace EdgeCity.Domain.Control.Supervision;

/// <summary>One change of who decides: when, to whom, why, and until when a hand-back holds.</summary>
public sealed record SupervisorHandover(double TimeSeconds, SupervisorMode To, string Reason, double UntilSeconds);
