using EdgeCity.Domain.Control;

namespace EdgeCity.Actors.Signals;

/// <summary>What an <see cref="IntersectionCoordinator"/> runs: its rules, controller, head, audit log and clock.</summary>
public sealed record IntersectionCoordinatorSettings(
    SignalTimings Timings,
    ISignalController Controller,
    ISignalHead Head,
    ISignalAuditLog Audit,
    TimeProvider Time)
{
    /// <summary>How often the coordinator decides: at least 10 Hz.</summary>
    public TimeSpan TickInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Put the junction supervisor under an adaptive controller (default): it hands the intersection back to its
    /// programme while the adaptive plan does worse.
    /// </summary>
    public bool Supervise { get; init; } = true;

    /// <summary>Data older than this is stale and puts its approach on the fallback.</summary>
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether corridor advice is passed to the controller (it is advice: nothing depends on it).</summary>
    public bool AcceptCorridorAdvice { get; init; } = true;

    /// <summary>
    /// The phase the signal already shows when the coordinator starts (taking over a running program); null starts
    /// from all-red, which is safe only for a dark or flashing signal.
    /// </summary>
    public string? AdoptPhaseId { get; init; }

    /// <summary>While the signal holds a state, an audit record is still written this often (zero: only on changes).</summary>
    public TimeSpan AuditHeartbeat { get; init; } = TimeSpan.Zero;

    /// <summary>Upstream movements whose planned outflow becomes predicted arrivals here.</summary>
    public IReadOnlyList<ForecastLink> UpstreamLinks { get; init; } = [];

    /// <summary>
    /// Per movement id, the lanes it leaves from (as the cameras' lane zones name them): a camera's measurement of an
    /// approach then reaches each movement lane by lane (a left turn with an empty lane is not charged the through
    /// lanes' queue). Movements not listed get the approach's figures.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> MovementLanes { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
}
