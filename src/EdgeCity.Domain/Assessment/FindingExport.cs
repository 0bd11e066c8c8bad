using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using EdgeCity.Domain.Text;

namespace EdgeCity.Domain.Assessment;

/// <summary>
/// Findings as the files a response team's tools read: GeoJSON (RFC 7946; a finding without a position has a null
/// geometry, so none is left out), CSV (RFC 4180, one row each) and KML (placemarks; only findings with a position, since
/// KML has no null geometry). Every format carries the same fields.
/// </summary>
public static class FindingExport
{
    public static readonly string[] Columns = ["id", "kind", "label", "confidence", "latitude", "longitude", "position", "time", "source", "frame", "left", "top", "right", "bottom", "grade", "checked_at", "checked_by", "node"];

    public static string GeoJson(IEnumerable<Finding> findings)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");
            w.WriteStartArray("features");
            foreach (var f in findings)
            {
                w.WriteStartObject();
                w.WriteString("type", "Feature");
                w.WriteString("id", f.Id);
                if (f.Position is { } p)
                {
                    w.WriteStartObject("geometry");
                    w.WriteString("type", "Point");
                    w.WriteStartArray("coordinates");
                    w.WriteNumberValue(Math.Round(p.Longitude, 7));
                    w.WriteNumberValue(Math.Round(p.Latitude, 7));
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                else
                {
                    w.WriteNull("geometry");
                }

                w.WriteStartObject("properties");
                var values = Values(f);
                for (var i = 0; i < Columns.Length; i++)
                {
                    if (Columns[i] is "latitude" or "longitude")
                    {
                        continue;
                    }

                    w.WritePropertyName(Columns[i]);
                    WriteValue(w, values[i]);
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string Csv(IEnumerable<Finding> findings)
    {
        var b = new StringBuilder();
        b.AppendJoin(',', Columns).Append("\r\n");
        foreach (var f in findings)
        {
            b.AppendJoin(',', Values(f).Select(v => CsvField.Of(Text(v)))).Append("\r\n");
        }

        return b.ToString();
    }

    public static string Kml(IEnumerable<Finding> findings, string name)
    {
        var b = new StringBuilder();
        using (var w = XmlWriter.Create(b, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false }))
        {
            w.WriteStartElement("kml", "http://www.opengis.net/kml/2.2");
            w.WriteStartElement("Document");
            w.WriteElementString("name", name);
            foreach (var f in findings.Where(f => f.Position is not null))
            {
                var p = f.Position!.Value;
                w.WriteStartElement("Placemark");
                w.WriteAttributeString("id", f.Id);
                w.WriteElementString("name", string.Create(CultureInfo.InvariantCulture, $"{FindingKinds.Name(f.Kind)} {f.Confidence:F2}"));
                w.WriteStartElement("ExtendedData");
                var values = Values(f);
                for (var i = 0; i < Columns.Length; i++)
                {
                    w.WriteStartElement("Data");
                    w.WriteAttributeString("name", Columns[i]);
                    w.WriteElementString("value", Text(values[i]));
                    w.WriteEndElement();
                }

                w.WriteEndElement();
                w.WriteStartElement("Point");
                w.WriteElementString("coordinates", string.Create(CultureInfo.InvariantCulture, $"{p.Longitude:F7},{p.Latitude:F7}"));
                w.WriteEndElement();
                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndElement();
        }

        // StringBuilder output declares UTF-16; the file is written as UTF-8.
        return b.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    private static object?[] Values(Finding f) =>
    [
        f.Id, FindingKinds.Name(f.Kind), f.Label, Math.Round(f.Confidence, 3), f.Position?.Latitude, f.Position?.Longitude,
        f.PositionSource.ToString().ToLowerInvariant(), f.Time?.ToString("O", CultureInfo.InvariantCulture), f.Source, f.Frame,
        Math.Round(f.Box.Left, 1), Math.Round(f.Box.Top, 1), Math.Round(f.Box.Right, 1), Math.Round(f.Box.Bottom, 1),
        f.Grade is { } g ? FindingKinds.Name(g) : null, f.CheckedAt?.ToString("O", CultureInfo.InvariantCulture), f.CheckedBy, f.Node,
    ];

    private static void WriteValue(Utf8JsonWriter w, object? v)
    {
        switch (v)
        {
            case null: w.WriteNullValue(); break;
            case string s: w.WriteStringValue(s); break;
            case int i: w.WriteNumberValue(i); break;
            case double d: w.WriteNumberValue(d); break;
            case float x: w.WriteNumberValue(x); break;
            default: w.WriteStringValue(Text(v)); break;
        }
    }

    private static string Text(object? v) => v switch
    {
        null => string.Empty,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float x => x.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? string.Empty,
    };
}
