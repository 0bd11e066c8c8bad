namespace EdgeCity.Domain.Signals;

/// <summary>Which way a movement turns, seen from its approach (SUMO's link directions map onto these).</summary>
public enum TurnDirection
{
    Straight,
    Left,
    Right,
    PartialLeft,
    PartialRight,
    UTurn,
    Unknown,
}
