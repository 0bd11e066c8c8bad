using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Zones;

/// <summary>
/// One lane of an approach as seen by a camera: a polygon in image pixels (where vehicles of this lane stand) and
/// the lane's stop line in image pixels, from which the queue is measured on the road plane.
/// </summary>
public sealed record LaneZone(string Id, string Approach, string Lane, IReadOnlyList<Point2> Polygon, Point2 StopLineStart, Point2 StopLineEnd)
{
    /// <summary>Whether an image point lies inside the polygon (even-odd rule).</summary>
    public bool Contains(Point2 p)
    {
        var inside = false;
        for (int i = 0, j = Polygon.Count - 1; i < Polygon.Count; j = i++)
        {
            var a = Polygon[i];
            var b = Polygon[j];
            if ((a.Y > p.Y) != (b.Y > p.Y) && p.X < ((b.X - a.X) * (p.Y - a.Y) / (b.Y - a.Y)) + a.X)
            {
                inside = !inside;
            }
        }

        return inside;
    }

    /// <summary>Throws with the zone's id when the polygon or stop line make no sense.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Id))
        {
            throw new ArgumentException("A lane zone needs an id.");
        }

        if (string.IsNullOrWhiteSpace(Approach) || string.IsNullOrWhiteSpace(Lane))
        {
            throw new ArgumentException($"Lane zone '{Id}': approach and lane are required.");
        }

        if (Polygon is null || Polygon.Count < 3 || Polygon.Any(p => !double.IsFinite(p.X) || !double.IsFinite(p.Y)))
        {
            throw new ArgumentException($"Lane zone '{Id}': the polygon needs at least 3 finite points.");
        }

        if (StopLineStart.DistanceTo(StopLineEnd) < 1)
        {
            throw new ArgumentException($"Lane zone '{Id}': the stop line's ends must be at least 1 px apart.");
        }
    }
}
