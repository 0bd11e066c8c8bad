namespace EdgeCity.Node.Counting;

/// <summary>
/// One counted vehicle in a count log (one JSON line each): when (in the site's zone, and seconds into the footage by
/// its own timestamps), the frame, the track, its class, the line, the direction both as the line's "in"/"out" and as
/// the site names it, and the box that crossed.
/// </summary>
public sealed record CountLogEntry(
    DateTimeOffset Time,
    double Seconds,
    long Frame,
    long Track,
    string Class,
    string Line,
    string Direction,
    string Towards,
    IReadOnlyList<double> Box);
