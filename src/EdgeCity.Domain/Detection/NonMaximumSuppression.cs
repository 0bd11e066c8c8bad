namespace EdgeCity.Domain.Detection;

/// <summary>
/// Class-aware non-maximum suppression: a box suppresses boxes of its own class above the IoU threshold, so a car and
/// the truck it overlaps in a queue are both kept; boxes of another class only when they overlap almost entirely (the
/// cross-class threshold), which is one vehicle boxed twice ("truck" and "bus" on one minibus), not two vehicles.
/// </summary>
public static class NonMaximumSuppression
{
    /// <summary>
    /// Sorts <paramref name="candidates"/> by score, then keeps, in place, the boxes not overlapping a higher-scored box of
    /// the same class by more than <paramref name="iouThreshold"/>; at most <paramref name="maxDetections"/> remain.
    /// Allocates nothing once the list has grown to its working size.
    /// </summary>
    public static void Apply(List<Detection> candidates, float iouThreshold, int maxDetections) =>
        Apply(candidates, iouThreshold, maxDetections, crossClassIouThreshold: 1.01f);

    /// <summary>
    /// As <see cref="Apply(List{Detection}, float, int)"/>, and a box also suppresses boxes of other classes that overlap
    /// it by more than <paramref name="crossClassIouThreshold"/> (above 1: never).
    /// </summary>
    public static void Apply(List<Detection> candidates, float iouThreshold, int maxDetections, float crossClassIouThreshold)
    {
        // Span sort with a cached delegate: List.Sort(IComparer) allocates a delegate on every call.
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(candidates).Sort(ByScoreDescending);
        var kept = 0;
        for (var i = 0; i < candidates.Count && kept < maxDetections; i++)
        {
            var c = candidates[i];
            var suppressed = false;
            for (var k = 0; k < kept; k++)
            {
                var other = candidates[k];
                if (other.Box.IoU(c.Box) > (other.ClassId == c.ClassId ? iouThreshold : crossClassIouThreshold))
                {
                    suppressed = true;
                    break;
                }
            }

            if (!suppressed)
            {
                candidates[kept++] = c;
            }
        }

        candidates.RemoveRange(kept, candidates.Count - kept);
    }

    private static readonly Comparison<Detection> ByScoreDescending = Compare;

    // Ties broken by class then position so results never depend on the sort's instability.
    private static int Compare(Detection x, Detection y)
    {
        var c = y.Score.CompareTo(x.Score);
        if (c != 0)
        {
            return c;
        }

        c = x.ClassId.CompareTo(y.ClassId);
        return c != 0 ? c : x.Box.Left.CompareTo(y.Box.Left);
    }
}
