namespace EdgeCity.Domain.Signals;

/// <summary>The clearance that ends a movement's green: yellow, then all-red, in seconds.</summary>
public sealed record Intergreen(double YellowSeconds, double AllRedSeconds)
{
    /// <summary>Common urban default: 3 s yellow and 2 s all-red.</summary>
    public static readonly Intergreen Default = new(3.0, 2.0);

    public double TotalSeconds => YellowSeconds + AllRedSeconds;

    /// <summary>
    /// ITE kinematic yellow (t + v / (2a + 2gG)) and all-red ((W + L) / v) from approach speed and the width to clear.
    /// </summary>
    /// <param name="approachSpeed">Approach speed in m/s.</param>
    /// <param name="clearingWidth">Distance from stop line to the far side of the conflict area, in metres.</param>
    /// <param name="vehicleLength">Design vehicle length in metres.</param>
    public static Intergreen FromKinematics(double approachSpeed, double clearingWidth, double vehicleLength = 6.0)
    {
        const double perceptionReaction = 1.0;
        const double deceleration = 3.0;
        var yellow = perceptionReaction + (approachSpeed / (2 * deceleration));
        var allRed = approachSpeed > 0 ? (clearingWidth + vehicleLength) / approachSpeed : 2.0;
        return new Intergreen(Math.Clamp(Math.Round(yellow, 1), 3.0, 6.0), Math.Clamp(Math.Round(allRed, 1), 1.0, 6.0));
    }
}
