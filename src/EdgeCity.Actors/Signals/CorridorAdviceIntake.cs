using EdgeCity.Domain.Control;

namespace EdgeCity.Actors.Signals;

/// <summary>
/// Turns the corridor singleton's advice (absolute offsets: a coordinated phase starts at UnixEpoch + k × cycle +
/// offset) into one intersection's offer on its own clock: the controllers count time from the coordinator's start, so
/// the offset is moved by that start; the advice holds for as long as it was issued for, counted from its arrival.
/// </summary>
public static class CorridorAdviceIntake
{
    /// <summary>The offer for <paramref name="intersectionId"/>, or null when the advice does not name it or is unusable.</summary>
    public static CorridorAdviceOffer? For(string intersectionId, Cluster.Contracts.CorridorAdvice advice, DateTimeOffset coordinatorStart, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(advice);
        var validFor = advice.ValidUntil - advice.IssuedAt;
        if (!advice.OffsetSeconds.TryGetValue(intersectionId, out var offset) || !(advice.CycleSeconds > 0) || validFor <= TimeSpan.Zero)
        {
            return null;
        }

        var startSeconds = (coordinatorStart - DateTimeOffset.UnixEpoch).TotalSeconds;
        var local = (((offset - startSeconds) % advice.CycleSeconds) + advice.CycleSeconds) % advice.CycleSeconds;
        var phase = advice.CoordinatedPhases.TryGetValue(intersectionId, out var p) ? p : null;
        return new CorridorAdviceOffer(intersectionId, new CorridorAdvice(advice.CorridorId, advice.CycleSeconds, local, phase), now + validFor);
    }
}
