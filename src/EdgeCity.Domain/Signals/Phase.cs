namespace EdgeCity.Domain.Signals;

/// <summary>
/// A stage of a signal program: the movements that may run together, protected or permissive
/// (permissive ones yield to their foes, like SUMO's lower-case 'g'), with green bounds in seconds.
/// </summary>
public sealed record Phase(
    string Id,
    IReadOnlySet<string> ProtectedGreens,
    IReadOnlySet<string> PermissiveGreens,
    double MinGreenSeconds,
    double MaxGreenSeconds,
    double DefaultGreenSeconds)
{
    /// <summary>Every movement that shows green in this phase.</summary>
    public IEnumerable<string> Greens => ProtectedGreens.Concat(PermissiveGreens);

    public bool IsGreen(string movementId) => ProtectedGreens.Contains(movementId) || PermissiveGreens.Contains(movementId);
}
