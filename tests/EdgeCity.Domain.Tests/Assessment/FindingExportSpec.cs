using System.Text.Json;
using System.Xml.Linq;
using EdgeCity.Domain.Assessment;
using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Tests.Assessment;

public sealed class FindingExportSpec
{
    private static readonly Finding Located = new("a1", FindingKind.Person, "person", 0.876, new GeoPoint(46.5, 7.25), PositionSource.Projected,
        new DateTimeOffset(2026, 12, 5, 8, 0, 0, TimeSpan.Zero), "site/DJI_0001.JPG", 0, new BoxF(10, 20, 30, 60), 4000, 3000, "box-1");

    private static readonly Finding Unlocated = Located with { Id = "b2", Kind = FindingKind.Vehicle, Label = "car", Position = null, PositionSource = PositionSource.None, Source = "a, \"quoted\" name.jpg" };

    [Fact]
    public void GeoJson_puts_longitude_first_and_keeps_findings_without_a_position_with_a_null_geometry()
    {
        using var doc = JsonDocument.Parse(FindingExport.GeoJson([Located, Unlocated]));
        var features = doc.RootElement.GetProperty("features");

        Assert.Equal("FeatureCollection", doc.RootElement.GetProperty("type").GetString());
        Assert.Equal(2, features.GetArrayLength());
        var coords = features[0].GetProperty("geometry").GetProperty("coordinates");
        Assert.Equal(7.25, coords[0].GetDouble());
        Assert.Equal(46.5, coords[1].GetDouble());
        Assert.Equal("person", features[0].GetProperty("properties").GetProperty("kind").GetString());
        Assert.Equal(0.876, features[0].GetProperty("properties").GetProperty("confidence").GetDouble());
        Assert.Equal(JsonValueKind.Null, features[1].GetProperty("geometry").ValueKind);
        Assert.Equal("b2", features[1].GetProperty("id").GetString());
    }

    [Fact]
    public void Csv_has_one_row_per_finding_and_quotes_commas_and_quotes()
    {
        var lines = FindingExport.Csv([Located, Unlocated]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(3, lines.Length);
        Assert.StartsWith("id,kind,label,confidence,latitude,longitude,", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("a1,person,person,0.876,46.5,7.25,projected,2026-12-05T08:00:00.0000000+00:00,site/DJI_0001.JPG,0,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",\"a, \"\"quoted\"\" name.jpg\",", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Kml_has_a_placemark_for_each_located_finding_in_lon_lat_order()
    {
        var kml = XDocument.Parse(FindingExport.Kml([Located, Unlocated], "site"));
        XNamespace k = "http://www.opengis.net/kml/2.2";

        var placemarks = kml.Descendants(k + "Placemark").ToList();
        Assert.Single(placemarks);
        Assert.Equal("7.2500000,46.5000000", placemarks[0].Descendants(k + "coordinates").Single().Value);
        Assert.Equal("a1", placemarks[0].Attribute("id")!.Value);
    }
}
