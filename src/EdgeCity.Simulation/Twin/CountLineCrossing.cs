using EdgeCity.Domain.Geometry;

namespace EdgeCity.Simulation.Twin;

/// <summary>Segment test for a point moving from one frame to the next across a directed count line.</summary>
public static class CountLineCrossing
{
    /// <summary>"in" (right-hand side to left-hand side of a→b, in image coordinates), "out", or null when the move does not cross the segment.</summary>
    public static string? Classify(Point2 a, Point2 b, Point2 previous, Point2 current)
    {
        var before = a.Cross(b, previous);
        var after = a.Cross(b, current);
        if (before == 0 || Math.Sign(before) == Math.Sign(after))
        {
            return null;
        }

        // The movement must also cut the segment itself, not the line's extension.
        var s1 = previous.Cross(current, a);
        var s2 = previous.Cross(current, b);
        if (Math.Sign(s1) == Math.Sign(s2) && s1 != 0)
        {
            return null;
        }

        // With image y pointing down, a positive cross product lies on the right-hand side of a→b.
        return before > 0 ? "in" : "out";
    }
}
