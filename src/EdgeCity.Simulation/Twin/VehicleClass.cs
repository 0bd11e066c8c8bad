namespace EdgeCity.Simulation.Twin;

/// <summary>The detector's classes (five vehicle classes and person), and how SUMO's vehicle classes map onto them.</summary>
public static class VehicleClass
{
    public const string Car = "car";
    public const string Bus = "bus";
    public const string Truck = "truck";
    public const string Motorcycle = "motorcycle";
    public const string Bicycle = "bicycle";
    public const string Person = "person";

    public static IReadOnlyList<string> All { get; } = [Car, Bus, Truck, Motorcycle, Bicycle, Person];

    /// <summary>Maps a SUMO vClass (passenger, bus, truck, trailer, delivery, motorcycle, moped, bicycle, ...) to a class.</summary>
    public static string FromSumo(string vClass) => vClass switch
    {
        "bus" or "coach" or "tram" => Bus,
        "truck" or "trailer" or "delivery" => Truck,
        "motorcycle" or "moped" => Motorcycle,
        "bicycle" => Bicycle,
        "pedestrian" => Person,
        _ => Car,
    };

    /// <summary>Typical height in metres (SUMO does not model height in 1.15's TraCI vehicle state).</summary>
    public static double HeightOf(string cls, double length) => cls switch
    {
        Bus => 3.1,
        Truck => length > 9 ? 3.6 : 2.6,
        Motorcycle or Bicycle => 1.6,
        _ => length > 4.8 ? 1.7 : 1.45,
    };
}
