namespace EdgeCity.Domain.Counting;

/// <summary>Which point of a vehicle's box is tested against a count line.</summary>
public enum AnchorPoint
{
    /// <summary>Middle of the bottom edge: where the vehicle meets the road. The default.</summary>
    BottomCenter,

    /// <summary>Centre of the box.</summary>
    Center,

    /// <summary>Middle of the top edge.</summary>
    TopCenter,
}
