using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Labelling;

/// <summary>
/// One look a labeller took at a frame: what it detected (boxes already in the frame's own pixels), the part of the frame
/// it looked at, and the smallest vehicle it could resolve there. A detector shrinks a whole 960-pixel frame to its
/// 416-pixel input, so a car 12 pixels long is 5 input pixels and no look at the whole frame can see it; a zoomed tile
/// of the same frame can. <see cref="ViewFusion"/> asks only the looks that could have seen a box whether they did.
/// </summary>
/// <param name="Detections">Boxes in frame pixels.</param>
/// <param name="Region">The part of the frame this look saw (frame pixels).</param>
/// <param name="MinSide">The shortest side, in frame pixels, of a box this look could resolve.</param>
/// <param name="Scale">Looks at one scale (the whole frame, or tiles of one size) judge a box together; see <see cref="ViewFusion"/>.</param>
public sealed record LabellerView(IReadOnlyList<Detection.Detection> Detections, BoxF Region, float MinSide, string Scale = "frame")
{
    /// <summary>How close to a cut edge a tile's box counts as cut by it (pixels).</summary>
    public const float CutMargin = 2f;

    /// <summary>
    /// Whether this look could have seen <paramref name="box"/>: all of it in its region, at a size it resolves or one
    /// that a look no finer than this one (<paramref name="seenAtMinSide"/>, the finest look that saw it) resolved.
    /// </summary>
    public bool Covers(BoxF box, float seenAtMinSide) =>
        (Math.Min(box.Width, box.Height) >= MinSide || MinSide <= seenAtMinSide)
        && box.Left >= Region.Left - CutMargin && box.Top >= Region.Top - CutMargin
        && box.Right <= Region.Right + CutMargin && box.Bottom <= Region.Bottom + CutMargin;

    /// <summary>
    /// A look at one tile of a <paramref name="frameWidth"/> x <paramref name="frameHeight"/> frame. A box touching an
    /// edge where the tile cuts the frame is a part of a vehicle (the rest lies in the next tile), so it is left out;
    /// the look that saw the whole vehicle labels it. So is a box too big for the tile to judge: a tile is there to
    /// resolve what a look at the whole frame cannot, and zoomed in, a near vehicle's part or shadow can look like a
    /// vehicle; a box whose shorter side is over <paramref name="maxSide"/> frame pixels is left to the whole frame.
    /// </summary>
    public static LabellerView Tile(IEnumerable<Detection.Detection> detections, BoxF tile, int frameWidth, int frameHeight, float minSide, float maxSide = float.PositiveInfinity, string scale = "tiles")
    {
        bool Cut(BoxF b) =>
            (tile.Left > 0 && b.Left <= tile.Left + CutMargin) || (tile.Top > 0 && b.Top <= tile.Top + CutMargin)
            || (tile.Right < frameWidth && b.Right >= tile.Right - CutMargin) || (tile.Bottom < frameHeight && b.Bottom >= tile.Bottom - CutMargin);
        return new LabellerView(detections.Where(d => !Cut(d.Box) && Math.Min(d.Box.Width, d.Box.Height) <= maxSide).ToList(), tile, minSide, scale);
    }

    /// <summary>
    /// Overlapping tiles covering a frame, <paramref name="across"/> by <paramref name="down"/>, neighbours sharing
    /// <paramref name="overlap"/> of a tile so a vehicle cut by one tile lies whole in the next when it is smaller than the overlap.
    /// </summary>
    public static IReadOnlyList<BoxF> Tiles(int frameWidth, int frameHeight, int across, int down, float overlap)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(across, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(down, 1);
        var w = frameWidth / (across - ((across - 1) * overlap));
        var h = frameHeight / (down - ((down - 1) * overlap));
        var tiles = new List<BoxF>();
        for (var y = 0; y < down; y++)
        {
            for (var x = 0; x < across; x++)
            {
                var left = MathF.Round(x * w * (1 - overlap));
                var top = MathF.Round(y * h * (1 - overlap));
                tiles.Add(new BoxF(left, top, x == across - 1 ? frameWidth : MathF.Round(left + w), y == down - 1 ? frameHeight : MathF.Round(top + h)));
            }
        }

        return tiles;
    }
}
