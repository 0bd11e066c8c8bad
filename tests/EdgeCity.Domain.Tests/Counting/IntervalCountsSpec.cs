using EdgeCity.Domain.Counting;

namespace EdgeCity.Domain.Tests.Counting;

public sealed class IntervalCountsSpec
{
    private static readonly TimeZoneInfo Rome = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");
    private static readonly string[] Classes = ["car", "truck"];
    private static readonly (string, string, string)[] Lines = [("main", "northbound", "southbound")];

    // 07:52:30 to 08:20:00 in Rome (UTC+1 in December).
    private static readonly DateTimeOffset From = new(2026, 12, 5, 7, 52, 30, TimeSpan.FromHours(1));
    private static readonly DateTimeOffset To = new(2026, 12, 5, 8, 20, 0, TimeSpan.FromHours(1));

    [Fact]
    public void Intervals_start_on_the_sites_clock_and_the_partial_ones_say_how_many_minutes_were_observed()
    {
        var rows = IntervalCounts.Bin([], Lines, From, To, TimeSpan.FromMinutes(15), Rome, Classes);

        Assert.Equal(
            [("07:45", 7.5), ("07:45", 7.5), ("08:00", 15), ("08:00", 15), ("08:15", 5), ("08:15", 5)],
            rows.Select(r => (TimeZoneInfo.ConvertTime(r.Start, Rome).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), r.MinutesObserved)));
        Assert.All(rows, r => Assert.Equal(0, r.Total)); // nothing counted is a count of zero, not a missing row
    }

    [Fact]
    public void Each_crossing_lands_in_its_interval_line_direction_and_class_and_unknown_classes_are_other()
    {
        IntervalCounts.Crossing[] crossings =
        [
            new(From.AddMinutes(1), "main", "northbound", "car"),
            new(From.AddMinutes(8), "main", "northbound", "car"), // 08:00:30
            new(From.AddMinutes(9), "main", "southbound", "truck"),
            new(From.AddMinutes(9), "main", "southbound", "tractor"),
        ];

        var rows = IntervalCounts.Bin(crossings, Lines, From, To, TimeSpan.FromMinutes(15), Rome, Classes);

        var eight = rows.Where(r => r.Start == new DateTimeOffset(2026, 12, 5, 8, 0, 0, TimeSpan.FromHours(1))).ToDictionary(r => r.Direction);
        Assert.Equal(1, eight["northbound"].ByClass["car"]);
        Assert.Equal(1, eight["southbound"].ByClass["truck"]);
        Assert.Equal(1, eight["southbound"].ByClass["other"]);
        Assert.Equal(4, rows.Sum(r => r.Total));
    }

    [Fact]
    public void The_csv_writes_interval_bounds_in_the_sites_zone_with_their_offset()
    {
        var rows = IntervalCounts.Bin([new(From.AddMinutes(1), "main", "northbound", "car")], Lines, From, To, TimeSpan.FromMinutes(15), Rome, Classes);

        var csv = IntervalCounts.Csv(rows, Rome).Split('\n');

        Assert.Equal("interval_start,interval_end,line,direction,minutes_observed,car,truck,total", csv[0]);
        Assert.Equal("2026-12-05T07:45:00+01:00,2026-12-05T08:00:00+01:00,main,northbound,7.5,1,0,1", csv[1]);
    }

    [Fact]
    public void An_interval_that_does_not_divide_a_day_is_refused()
    {
        Assert.Throws<ArgumentException>(() => IntervalCounts.Bin([], Lines, From, To, TimeSpan.FromMinutes(7), Rome, Classes));
    }
}
