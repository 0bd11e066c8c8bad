using System.Globalization;
using System.Text.RegularExpressions;

namespace EdgeCity.Domain.Assessment;

/// <summary>
/// Reads the SRT subtitle track drones write beside their video: one block per frame or per second, with the block's
/// time range on the video's clock and the telemetry as text. Both DJI forms are read: bracketed key-value pairs
/// (<c>[latitude: 46.1] [longitude: 7.1] [rel_alt: 50.3 abs_alt: 1234.5] [gb_yaw: 90 gb_pitch: -90]</c>, with a
/// date-time line) and the older <c>GPS(lon,lat,alt) BAROMETER:h</c>. A block without a position is skipped and counted.
/// </summary>
public static partial class SrtTelemetry
{
    public static (TelemetryTrack Track, int Skipped) Parse(string text, string source)
    {
        var samples = new List<TelemetrySample>();
        var skipped = 0;
        foreach (var block in BlankLine().Split(text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim()))
        {
            var range = TimeRange().Match(block);
            if (!range.Success)
            {
                continue;
            }

            var offset = ParseTime(range.Groups[1].Value);
            var pairs = KeyNumber().Matches(block).ToDictionary(m => m.Groups[1].Value.ToLowerInvariant(), m => Num(m.Groups[2].Value), StringComparer.Ordinal);
            double? lat = pairs.GetValueOrDefault("latitude") ?? pairs.GetValueOrDefault("lat");
            double? lon = pairs.GetValueOrDefault("longitude") ?? pairs.GetValueOrDefault("lon");
            double? height = pairs.GetValueOrDefault("rel_alt") ?? pairs.GetValueOrDefault("barometer") ?? pairs.GetValueOrDefault("altitude");
            double? abs = pairs.GetValueOrDefault("abs_alt");
            if (OldGps().Match(block) is { Success: true } gps)
            {
                (lon, lat, abs) = (Num(gps.Groups[1].Value), Num(gps.Groups[2].Value), Num(gps.Groups[3].Value));
            }

            if (lat is not { } la || lon is not { } lo || la is < -90 or > 90 || lo is < -180 or > 180 || (la == 0 && lo == 0))
            {
                skipped++;
                continue;
            }

            DateTimeOffset? time = DateLine().Match(block) is { Success: true } d
                && DateTimeOffset.TryParse(d.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;
            samples.Add(new TelemetrySample(offset, time, new GeoPoint(la, lo, abs), height, pairs.GetValueOrDefault("gb_yaw"), pairs.GetValueOrDefault("gb_pitch"), pairs.GetValueOrDefault("focal_len")));
        }

        return (new TelemetryTrack(source, samples), skipped);
    }

    private static double? Num(string s) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;

    private static TimeSpan ParseTime(string s) =>
        TimeSpan.ParseExact(s.Replace('.', ','), @"hh\:mm\:ss\,fff", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex BlankLine();

    [GeneratedRegex(@"(\d{2}:\d{2}:\d{2}[,.]\d{3})\s*-->\s*(\d{2}:\d{2}:\d{2}[,.]\d{3})")]
    private static partial Regex TimeRange();

    [GeneratedRegex(@"([A-Za-z_]+)\s*:\s*(-?\d+(?:\.\d+)?)")]
    private static partial Regex KeyNumber();

    [GeneratedRegex(@"GPS\s*\(\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)")]
    private static partial Regex OldGps();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:\.\d+)?")]
    private static partial Regex DateLine();
}
