using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace EdgeCity.Domain.Assessment;

/// <summary>
/// Reads a GPX 1.0/1.1 file's track points (<c>trkpt</c>, also <c>rtept</c> and <c>wpt</c>) with their elevation and
/// time. Points without a time cannot be placed on the video's clock and are skipped and counted.
/// </summary>
public static class GpxTrack
{
    public static (TelemetryTrack Track, int Skipped) Parse(string xml, string source)
    {
        XDocument doc;
        try
        {
            doc = XDocument.Parse(xml);
        }
        catch (XmlException e)
        {
            throw new FormatException($"{source}: not a GPX file ({e.Message})", e);
        }

        if (doc.Root?.Name.LocalName != "gpx")
        {
            throw new FormatException($"{source}: the root element is <{doc.Root?.Name.LocalName}>, not <gpx>");
        }

        var samples = new List<TelemetrySample>();
        var skipped = 0;
        foreach (var p in doc.Descendants().Where(e => e.Name.LocalName is "trkpt" or "rtept" or "wpt"))
        {
            var lat = Num(p.Attribute("lat")?.Value);
            var lon = Num(p.Attribute("lon")?.Value);
            var timeText = p.Elements().FirstOrDefault(e => e.Name.LocalName == "time")?.Value;
            if (lat is not (>= -90 and <= 90) || lon is not (>= -180 and <= 180)
                || !DateTimeOffset.TryParse(timeText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            {
                skipped++;
                continue;
            }

            var ele = Num(p.Elements().FirstOrDefault(e => e.Name.LocalName == "ele")?.Value);
            samples.Add(new TelemetrySample(null, time, new GeoPoint(lat.Value, lon.Value, ele)));
        }

        return (new TelemetryTrack(source, samples), skipped);
    }

    private static double? Num(string? s) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;
}
