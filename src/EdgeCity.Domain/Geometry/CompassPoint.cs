namespace EdgeCity.Domain.Geometry;

/// <summary>
/// Where an approach's traffic comes from, as one of eight compass points: what an operator calls an arm ("the
/// northern approach") when the site file gives it no street name. Map coordinates have y pointing north (SUMO's).
/// </summary>
public static class CompassPoint
{
    private static readonly string[] Points = ["N", "NE", "E", "SE", "S", "SW", "W", "NW"];

    /// <summary>
    /// The point traffic arrives from, given the direction it travels towards the stop line (<paramref name="dx"/>,
    /// <paramref name="dy"/>); null when the direction has no length.
    /// </summary>
    public static string? ArrivingFrom(double dx, double dy)
    {
        if (Math.Abs(dx) < 1e-9 && Math.Abs(dy) < 1e-9)
        {
            return null;
        }

        // Bearing of the origin, clockwise from north: the opposite of the travel direction.
        var bearing = (Math.Atan2(-dx, -dy) * 180 / Math.PI + 360) % 360;
        return Points[(int)Math.Round(bearing / 45) % 8];
    }
}
