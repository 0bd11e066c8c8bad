namespace EdgeCity.Node.Api;

/// <summary>A stretch of the phase timeline: from <see cref="Start"/> the signal served <see cref="Phase"/> (changing to it while <see cref="Transition"/>).</summary>
public sealed record PhaseSegment(DateTimeOffset Start, string Phase, bool Transition, string Fallback);
