namespace EdgeCity.Domain.Assessment;

/// <summary>Which detector classes are findings, and of what kind: people and vehicles from the node's own detector.</summary>
public static class FindingKinds
{
    private static readonly HashSet<string> Vehicles = new(["car", "bus", "truck", "motorcycle", "bicycle", "van", "vehicle"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The kind a detection of <paramref name="className"/> reports, or null when it is no finding.</summary>
    public static FindingKind? Of(string className) =>
        string.Equals(className, "person", StringComparison.OrdinalIgnoreCase) || string.Equals(className, "pedestrian", StringComparison.OrdinalIgnoreCase) ? FindingKind.Person
        : Vehicles.Contains(className) ? FindingKind.Vehicle
        : null;

    /// <summary>The kind's name in files and the API (kebab case).</summary>
    public static string Name(FindingKind kind) => kind switch
    {
        FindingKind.Person => "person",
        FindingKind.Vehicle => "vehicle",
        FindingKind.BlockedRoad => "blocked-road",
        FindingKind.DamagedBuilding => "damaged-building",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The kind named <paramref name="name"/> (as <see cref="Name(FindingKind)"/> writes it), or null.</summary>
    public static FindingKind? Parse(string name) =>
        Enum.GetValues<FindingKind>().Cast<FindingKind?>().FirstOrDefault(k => string.Equals(Name(k!.Value), name, StringComparison.OrdinalIgnoreCase));

    /// <summary>A grade's name in files (xBD's words).</summary>
    public static string Name(DamageGrade grade) => grade switch
    {
        DamageGrade.NoDamage => "no-damage",
        DamageGrade.Minor => "minor-damage",
        DamageGrade.Major => "major-damage",
        DamageGrade.Destroyed => "destroyed",
        _ => throw new ArgumentOutOfRangeException(nameof(grade), grade, null),
    };
}
