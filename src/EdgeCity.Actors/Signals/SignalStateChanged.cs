using EdgeCity.Domain.Control;

namespace EdgeCity.Actors.Signals;

/// <summary>
/// Published on the local event stream whenever an intersection's signal changes (for the start page, dashboards and,
/// once the cluster lands, the IntersectionState topic). Carries only measurements of the signal, never a frame.
/// </summary>
public sealed record SignalStateChanged(string IntersectionId, DateTimeOffset At, SignalState State, string Reason, FallbackMode Fallback);
