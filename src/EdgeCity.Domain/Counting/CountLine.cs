using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Counting;

/// <summary>
/// A directed count segment in image pixels. Only crossings through the segment itself count (not its extension),
/// the box's <see cref="Anchor"/> point is what crosses, and the anchor must get <see cref="HysteresisPixels"/> past
/// the line on the far side before a crossing is final, so a track jittering on the line never counts twice.
/// </summary>
public sealed record CountLine(string Id, string Approach, Point2 Start, Point2 End)
{
    public AnchorPoint Anchor { get; init; } = AnchorPoint.BottomCenter;

    /// <summary>Half-width of the band around the line in which the side of a track is not yet decided.</summary>
    public double HysteresisPixels { get; init; } = 3;

    public CountDirections Directions { get; init; } = CountDirections.Both;

    /// <summary>
    /// Whether this line's crossings make its approach's flow. Set it false on extra lines (a turn line, an upstream
    /// line) so one vehicle is not counted twice in the approach's veh/h.
    /// </summary>
    public bool Flow { get; init; } = true;

    public double Length => Start.DistanceTo(End);

    /// <summary>Signed distance in pixels: positive on the Forward (right-hand) side.</summary>
    public double SignedDistance(Point2 p) => Start.Cross(End, p) / Length;

    /// <summary>The anchor point of a box for this line.</summary>
    public Point2 AnchorOf(BoxF box) => Anchor switch
    {
        AnchorPoint.Center => box.Center,
        AnchorPoint.TopCenter => new Point2((box.Left + box.Right) / 2.0, box.Top),
        _ => box.BottomCenter,
    };

    /// <summary>Where along the segment (0 = Start, 1 = End) the path a→b crosses the line; null when parallel.</summary>
    public double? CrossingParameter(Point2 a, Point2 b)
    {
        var da = SignedDistance(a);
        var db = SignedDistance(b);
        if (Math.Abs(da - db) < 1e-12)
        {
            return null;
        }

        var s = da / (da - db);
        var hit = a + ((b - a) * s);
        var dir = End - Start;
        return (((hit.X - Start.X) * dir.X) + ((hit.Y - Start.Y) * dir.Y)) / ((dir.X * dir.X) + (dir.Y * dir.Y));
    }

    /// <summary>Throws with the line's id when the geometry or hysteresis make no sense.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Id))
        {
            throw new ArgumentException("A count line needs an id.");
        }

        if (string.IsNullOrWhiteSpace(Approach))
        {
            throw new ArgumentException($"Count line '{Id}': the approach it counts for is missing.");
        }

        if (!double.IsFinite(Start.X) || !double.IsFinite(Start.Y) || !double.IsFinite(End.X) || !double.IsFinite(End.Y) || Length < 1)
        {
            throw new ArgumentException($"Count line '{Id}': start and end must be finite and at least 1 px apart.");
        }

        if (!double.IsFinite(HysteresisPixels) || HysteresisPixels < 0)
        {
            throw new ArgumentException($"Count line '{Id}': HysteresisPixels must be ≥ 0, got {HysteresisPixels}.");
        }
    }
}
