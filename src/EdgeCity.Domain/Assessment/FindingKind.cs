namespace EdgeCity.Domain.Assessment;

/// <summary>What a finding is, in a response team's terms.</summary>
public enum FindingKind
{
    /// <summary>A person: a possible survivor.</summary>
    Person,

    /// <summary>A vehicle (trapped, abandoned, or blocking access).</summary>
    Vehicle,

    /// <summary>A road blocked by debris, water or collapse.</summary>
    BlockedRoad,

    /// <summary>A building with a damage grade.</summary>
    DamagedBuilding,
}
