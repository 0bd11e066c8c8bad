namespace EdgeCity.Actors.Cluster.Contracts;

/// <summary>Green-wave advice from the corridor coordinator: a common cycle and an offset per intersection, valid for a while.</summary>
/// <remarks>
/// Advice only: each intersection's own coordinator decides and validates its plan; expired advice is ignored. Offsets
/// are absolute, so boxes agree without exchanging start times: an intersection's coordinated phase starts at
/// <c>UnixEpoch + k × CycleSeconds + offset</c> on the coordinators' clock (the wall clock in the field, kept by NTP or
/// GPS; the shared simulation clock in the demo). A coordinator honours the advice for <c>ValidUntil − IssuedAt</c> from
/// when it arrives, so a box whose clock is ahead does not drop it at once.
/// </remarks>
/// <param name="CorridorId">Corridor id.</param>
/// <param name="CycleSeconds">Common cycle length in seconds.</param>
/// <param name="OffsetSeconds">Per intersection id, the start of its coordinated phase in the common cycle, seconds after each multiple of the cycle since the Unix epoch.</param>
/// <param name="IssuedAt">When the coordinator issued the advice.</param>
/// <param name="ValidUntil">After this instant the advice must not be applied.</param>
public sealed record CorridorAdvice(
    string CorridorId,
    double CycleSeconds,
    IReadOnlyDictionary<string, double> OffsetSeconds,
    DateTimeOffset IssuedAt,
    DateTimeOffset ValidUntil) : IClusterContract
{
    /// <summary>Per intersection id, the phase the wave runs in (absent: the intersection's first phase).</summary>
    public IReadOnlyDictionary<string, string> CoordinatedPhases { get; init; } = new Dictionary<string, string>();
}
