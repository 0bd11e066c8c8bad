namespace EdgeCity.Actors.Cluster.Contracts;

/// <summary>What one intersection shows right now, published on the <c>intersection-states</c> topic for the corridor and the operator view.</summary>
/// <param name="IntersectionId">Intersection id from the site file.</param>
/// <param name="Timestamp">When the coordinator took this state (its <c>TimeProvider</c>).</param>
/// <param name="PhaseId">The phase currently running (or the intergreen/fallback step's id).</param>
/// <param name="Indications">Per movement id, its indication as a short string (<c>G</c>, <c>g</c>, <c>y</c>, <c>r</c>, …).</param>
/// <param name="Controller">Name of the controller deciding the timing (<c>fixed</c>, <c>actuated</c>, …).</param>
/// <param name="Fallback">True while the intersection runs its safe fallback plan (stale or missing inputs).</param>
/// <param name="QueueMetres">Per approach id, the measured queue length in metres.</param>
public sealed record IntersectionState(
    string IntersectionId,
    DateTimeOffset Timestamp,
    string PhaseId,
    IReadOnlyDictionary<string, string> Indications,
    string Controller,
    bool Fallback,
    IReadOnlyDictionary<string, double> QueueMetres) : IClusterContract
{
    /// <summary>The cycle the intersection's controller would run on its own (s), when it runs in cycles: the corridor's common cycle is the longest of its members'.</summary>
    public double? PreferredCycleSeconds { get; init; }

    /// <summary>The corridor whose advice the intersection holds now (null: none): the corridor coordinator re-sends to a member without it.</summary>
    public string? CorridorId { get; init; }
}
