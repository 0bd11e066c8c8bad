namespace EdgeCity.Domain.Assessment;

/// <summary>A position on the earth (WGS 84 degrees), optionally with an altitude above sea level in metres.</summary>
public readonly record struct GeoPoint
{
    /// <summary>Mean earth radius (IUGG), metres: local offsets of a few hundred metres are exact to centimetres.</summary>
    public const double EarthRadiusMeters = 6_371_008.8;

    public GeoPoint(double latitude, double longitude, double? altitudeMeters = null)
    {
        if (!double.IsFinite(latitude) || latitude < -90 || latitude > 90)
        {
            throw new ArgumentOutOfRangeException(nameof(latitude), latitude, "latitude must be within -90..90 degrees");
        }

        if (!double.IsFinite(longitude) || longitude < -180 || longitude > 180)
        {
            throw new ArgumentOutOfRangeException(nameof(longitude), longitude, "longitude must be within -180..180 degrees");
        }

        Latitude = latitude;
        Longitude = longitude;
        AltitudeMeters = altitudeMeters is { } a && double.IsFinite(a) ? a : null;
    }

    public double Latitude { get; }

    public double Longitude { get; }

    public double? AltitudeMeters { get; }

    /// <summary>The point <paramref name="eastMeters"/> east and <paramref name="northMeters"/> north of this one (local flat-earth offset).</summary>
    public GeoPoint Offset(double eastMeters, double northMeters)
    {
        var lat = Latitude + (northMeters / EarthRadiusMeters * 180 / Math.PI);
        var lon = Longitude + (eastMeters / (EarthRadiusMeters * Math.Cos(Latitude * Math.PI / 180)) * 180 / Math.PI);
        lon = lon > 180 ? lon - 360 : lon < -180 ? lon + 360 : lon;
        return new GeoPoint(Math.Clamp(lat, -90, 90), lon, AltitudeMeters);
    }

    /// <summary>Great-circle distance in metres (haversine).</summary>
    public double DistanceMeters(GeoPoint other)
    {
        static double Rad(double d) => d * Math.PI / 180;
        var dLat = Rad(other.Latitude - Latitude);
        var dLon = Rad(other.Longitude - Longitude);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(Rad(Latitude)) * Math.Cos(Rad(other.Latitude)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    public override string ToString() => FormattableString.Invariant($"{Latitude:F6},{Longitude:F6}");
}
