namespace EdgeCity.Domain.Control;

/// <summary>The rules <see cref="PlanValidator"/> enforces.</summary>
public enum ValidatorRule
{
    /// <summary>Two foes green together when neither yields as a permissive green.</summary>
    ConflictingGreen,

    /// <summary>A green ending without its full yellow and all-red, or a foe starting before them.</summary>
    Clearance,

    /// <summary>A phase left before its minimum green (or a pedestrian walk cut short).</summary>
    MinGreen,

    /// <summary>A phase held past its maximum green.</summary>
    MaxGreen,

    /// <summary>A decision naming a phase the intersection does not have.</summary>
    UnknownPhase,
}
