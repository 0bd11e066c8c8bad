namespace EdgeCity.Node.Labelling;

/// <summary>
/// How a <see cref="FootageLabeller"/> looks at each frame. <see cref="Plain"/>: the first detector once, as is (the
/// baseline). Otherwise every detector looks at the frame as is and mirrored, and, with <see cref="TilesAcross"/> above
/// zero, at overlapping tiles of it, each zoomed to the detector's input.
/// </summary>
public sealed record LabellerLooks(bool Plain = false, int TilesAcross = 0, int TilesDown = 0, float TileOverlap = 0.25f)
{
    /// <summary>Looks each detector takes at a frame: one plain, else as is, mirrored and each tile.</summary>
    public int PerFrame => Plain ? 1 : 2 + (TilesAcross * TilesDown);

    /// <summary>Parses <c>NxM</c> (tiles across by down) or <c>0</c> (no tiles).</summary>
    public static LabellerLooks WithTiles(string spec, bool plain)
    {
        if (spec.Trim() == "0")
        {
            return new LabellerLooks(plain);
        }

        var parts = spec.Split('x', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !int.TryParse(parts[0], out var across) || !int.TryParse(parts[1], out var down) || across < 1 || down < 1 || across * down > 64)
        {
            throw new ArgumentException($"--tiles: '{spec}' is not NxM (tiles across by down, each 1 or more, 64 at most) or 0");
        }

        return new LabellerLooks(plain, across, down);
    }
}
