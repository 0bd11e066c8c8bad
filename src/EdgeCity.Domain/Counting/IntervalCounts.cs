using System.Globalization;
using System.Text;
using EdgeCity.Domain.Text;

namespace EdgeCity.Domain.Counting;

/// <summary>
/// Counts in fixed intervals, as traffic counts are reported (15-minute bins by default): one row per interval, line and
/// direction, vehicles per class and in all, zeros included (an interval with no vehicle is a count of 0, not a gap).
/// Intervals start on the local clock of the site's time zone (08:00, 08:15, ...); the first and last are usually only
/// partly observed, and say how many minutes were.
/// </summary>
public static class IntervalCounts
{
    /// <summary>One counted crossing: when, which line, which direction (by the line's name for it), and the class.</summary>
    public sealed record Crossing(DateTimeOffset At, string Line, string Direction, string Class);

    /// <summary>One row: the interval, the line and direction, the minutes of it observed, and vehicles per class.</summary>
    public sealed record Row(DateTimeOffset Start, DateTimeOffset End, string Line, string Direction, double MinutesObserved, IReadOnlyDictionary<string, int> ByClass)
    {
        public int Total => ByClass.Values.Sum();
    }

    /// <param name="crossings">What was counted.</param>
    /// <param name="directions">Every line with its two direction names, in report order (rows exist for them all).</param>
    /// <param name="observedFrom">When observation began (the first frame).</param>
    /// <param name="observedTo">When it ended (the last frame).</param>
    /// <param name="interval">The interval length; it must divide a day.</param>
    /// <param name="zone">The site's time zone: intervals start on its clock.</param>
    /// <param name="classes">The classes reported (columns), in order.</param>
    public static IReadOnlyList<Row> Bin(
        IEnumerable<Crossing> crossings,
        IReadOnlyList<(string Line, string In, string Out)> directions,
        DateTimeOffset observedFrom,
        DateTimeOffset observedTo,
        TimeSpan interval,
        TimeZoneInfo zone,
        IReadOnlyList<string> classes)
    {
        ArgumentNullException.ThrowIfNull(crossings);
        ArgumentNullException.ThrowIfNull(directions);
        ArgumentNullException.ThrowIfNull(zone);
        if (interval <= TimeSpan.Zero || TimeSpan.FromDays(1).Ticks % interval.Ticks != 0)
        {
            throw new ArgumentException($"an interval of {interval.TotalMinutes} minutes does not divide a day", nameof(interval));
        }

        if (observedTo < observedFrom)
        {
            throw new ArgumentException("observation ends before it begins", nameof(observedTo));
        }

        var starts = new List<DateTimeOffset>();
        for (var start = StartOf(observedFrom, interval, zone); start <= observedTo; start += interval)
        {
            starts.Add(start);
            if (start + interval > observedTo)
            {
                break;
            }
        }

        var counts = new Dictionary<(int Bin, string Line, string Direction, string Class), int>();
        foreach (var c in crossings)
        {
            var bin = starts.FindLastIndex(s => s <= c.At);
            if (bin < 0)
            {
                continue;
            }

            var key = (bin, c.Line, c.Direction, classes.Contains(c.Class) ? c.Class : "other");
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        var columns = classes.Any(c => c == "other") || !counts.Keys.Any(k => k.Class == "other") ? classes : [.. classes, "other"];
        var rows = new List<Row>();
        for (var b = 0; b < starts.Count; b++)
        {
            var (start, end) = (starts[b], starts[b] + interval);
            var observed = (Min(end, observedTo) - Max(start, observedFrom)).TotalMinutes;
            foreach (var (line, inName, outName) in directions)
            {
                foreach (var direction in new[] { inName, outName })
                {
                    var byClass = columns.ToDictionary(c => c, c => counts.GetValueOrDefault((b, line, direction, c)), StringComparer.Ordinal);
                    rows.Add(new Row(start, end, line, direction, Math.Round(Math.Max(0, observed), 2), byClass));
                }
            }
        }

        return rows;
    }

    /// <summary>The rows as CSV: interval start and end in the site's zone (ISO 8601 with offset), then the counts.</summary>
    public static string Csv(IReadOnlyList<Row> rows, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var classes = rows.Count > 0 ? rows[0].ByClass.Keys.ToList() : [];
        var csv = new StringBuilder();
        csv.Append("interval_start,interval_end,line,direction,minutes_observed,").AppendJoin(',', classes).Append(",total\n");
        foreach (var r in rows)
        {
            csv.Append(Iso(r.Start, zone)).Append(',').Append(Iso(r.End, zone)).Append(',').Append(CsvField.Of(r.Line)).Append(',').Append(CsvField.Of(r.Direction)).Append(',')
                .Append(r.MinutesObserved.ToString("0.##", CultureInfo.InvariantCulture)).Append(',')
                .AppendJoin(',', classes.Select(c => r.ByClass[c].ToString(CultureInfo.InvariantCulture))).Append(',')
                .Append(r.Total.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return csv.ToString();
    }

    /// <summary>The start of the interval holding <paramref name="at"/>, on the zone's local clock.</summary>
    private static DateTimeOffset StartOf(DateTimeOffset at, TimeSpan interval, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var sinceMidnight = local.TimeOfDay.Ticks / interval.Ticks * interval.Ticks;
        var start = new DateTimeOffset(local.Date.AddTicks(sinceMidnight), local.Offset);
        return start > at ? start - interval : start;
    }

    private static string Iso(DateTimeOffset t, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(t, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
