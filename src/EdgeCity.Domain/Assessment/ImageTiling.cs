using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Assessment;

/// <summary>
/// Large stills (a drone's 4000x3000) are assessed in overlapping tiles so that a person 30 pixels tall stays 30 pixels
/// tall at the detector's input instead of shrinking to 3; a whole-image pass beside the tiles keeps objects larger than
/// a tile whole. The boxes of all passes are then merged: one object seen by two tiles, or by a tile and the whole
/// image, is one finding.
/// </summary>
public static class ImageTiling
{
    /// <summary>
    /// Tiles of <paramref name="tile"/> pixels covering the image with at least <paramref name="overlap"/> pixels of
    /// overlap, spread evenly (the last tile ends on the image's edge). An image no larger than one tile is one tile.
    /// </summary>
    public static IReadOnlyList<(int X, int Y, int Width, int Height)> Tiles(int width, int height, int tile, int overlap)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfLessThan(tile, 32);
        ArgumentOutOfRangeException.ThrowIfNegative(overlap);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(overlap, tile / 2);
        var xs = Starts(width, tile, overlap);
        var ys = Starts(height, tile, overlap);
        return ys.SelectMany(y => xs.Select(x => (x, y, Math.Min(tile, width - x), Math.Min(tile, height - y)))).ToList();
    }

    /// <summary>
    /// Merges boxes from overlapping passes, best first: a box is dropped when a kept box of the same finding kind
    /// overlaps it by IoU above <paramref name="iou"/>, or covers <paramref name="coverage"/> of the smaller of the two
    /// (a tile's cut-off half of a car inside the whole-image box of that car).
    /// </summary>
    public static List<Detection.Detection> Merge(IEnumerable<Detection.Detection> detections, double iou = 0.5, double coverage = 0.7)
    {
        var kept = new List<Detection.Detection>();
        foreach (var d in detections.OrderByDescending(d => d.Score))
        {
            var kind = FindingKinds.Of(d.ClassName);
            if (!kept.Any(k => FindingKinds.Of(k.ClassName) == kind && (k.Box.IoU(d.Box) > iou || Covered(k.Box, d.Box) > coverage)))
            {
                kept.Add(d);
            }
        }

        return kept;
    }

    private static double Covered(BoxF a, BoxF b)
    {
        var iw = Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left);
        var ih = Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Top, b.Top);
        var smaller = Math.Min(a.Area, b.Area);
        return iw <= 0 || ih <= 0 || smaller <= 0 ? 0 : iw * ih / smaller;
    }

    private static List<int> Starts(int length, int tile, int overlap)
    {
        if (length <= tile)
        {
            return [0];
        }

        var n = (int)Math.Ceiling((double)(length - overlap) / (tile - overlap));
        var step = (double)(length - tile) / (n - 1);
        return Enumerable.Range(0, n).Select(i => (int)Math.Round(i * step)).ToList();
    }
}
