namespace EdgeCity.Domain.Signals;

/// <summary>Who a signal group serves: intergreens and minimum greens differ for each.</summary>
public enum MovementKind
{
    Vehicle,
    Bicycle,
    Pedestrian,
}
