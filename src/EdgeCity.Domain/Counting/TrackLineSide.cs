using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Counting;

/// <summary>What one count line remembers about one track: its decided side, its last anchor, what it counted.</summary>
internal sealed class TrackLineSide
{
    /// <summary>−1 or +1 once the anchor has been beyond the hysteresis band on that side; 0 before.</summary>
    public int FirmSide { get; set; }

    public Point2 LastPoint { get; set; }

    /// <summary>Signed distance where this vehicle was first seen (inherited over id switches): where it came from.</summary>
    public double OriginDistance { get; set; }

    /// <summary>Height of the vehicle's box when last seen off the line band: the yardstick for a real crossing.</summary>
    public double LastBoxHeight { get; set; } = 1;

    public double LastDistance { get; set; }

    /// <summary>Capture time of the frame <see cref="LastPoint"/> is from.</summary>
    public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>Whether the most recent sign change of the anchor's distance went through the segment itself.</summary>
    public bool LastCrossingInside { get; set; }

    public Point2 LastCrossingPoint { get; set; }

    public CountDirections Counted { get; set; }

    public bool Confirmed { get; set; }

    /// <summary>Crossings made while the track was still tentative: counted once it is confirmed, dropped if it never is.</summary>
    public List<(CrossingDirection Direction, Point2 Point, DateTimeOffset At)> Pending { get; } = [];
}
