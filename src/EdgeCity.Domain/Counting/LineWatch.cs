using EdgeCity.Domain.Geometry;
using EdgeCity.Domain.Tracking;

namespace EdgeCity.Domain.Counting;

/// <summary>The state of one count line: per-track sides and the bounded list of lost tracks open for handover.</summary>
internal sealed class LineWatch(CountLine line, CountingOptions options)
{
    private readonly Dictionary<long, TrackLineSide> _sides = [];
    private readonly List<LineHandover> _handovers = [];

    public CountLine Line { get; } = line;

    public int TrackedSides => _sides.Count;

    public int OpenHandovers => _handovers.Count;

    public void Observe(TrackSnapshot track, DateTimeOffset at, FrameSize? frame, List<CountEvent> events)
    {
        var p = Line.AnchorOf(track.DetectionBox);
        var d = Line.SignedDistance(p);
        if (!double.IsFinite(d))
        {
            return;
        }

        var isNew = !_sides.TryGetValue(track.Id, out var side);
        if (side is null)
        {
            side = new TrackLineSide { FirmSide = FirmSideOf(d), LastPoint = p, LastDistance = d, OriginDistance = d, LastBoxHeight = Math.Max(track.DetectionBox.Height, 1f) };
            _sides[track.Id] = side;
        }

        if (track.IsConfirmed && !side.Confirmed)
        {
            side.Confirmed = true;
            foreach (var (direction, point, when) in side.Pending)
            {
                events.Add(new CountEvent(Line.Id, Line.Approach, direction, track.Id, track.ClassName, when, point));
            }

            side.Pending.Clear();
        }

        if (!isNew && Jumped(side, track.DetectionBox, p, at))
        {
            // The tracker moved this id onto another vehicle (most often the one following a vehicle that left the
            // picture): what the id did before says nothing about the vehicle it now follows, so it starts afresh here.
            side.FirmSide = FirmSideOf(d);
            side.OriginDistance = d;
            side.Counted = 0;
            side.LastCrossingInside = false;
            side.LastPoint = p;
            side.LastDistance = d;
            side.LastBoxHeight = Math.Max(track.DetectionBox.Height, 1f);
        }
        else if (!isNew)
        {
            Step(track, side, side.LastPoint, side.LastDistance, p, d, at, events);
        }
        else if (TakeOver(track, side, p, d, at) is { } previous)
        {
            Step(track, side, previous.LastPoint, previous.LastDistance, p, d, at, events);
        }
        else if (frame is { } size && EntryPoint(track.DetectionBox, p, size) is { } entry)
        {
            // A vehicle first seen touching the picture's edge came in over that edge: it has been on the edge's side
            // of the line, band or not, so a line close to the edge still counts vehicles entering over it.
            var entryD = Line.SignedDistance(entry);
            if (entryD != 0)
            {
                side.FirmSide = Math.Sign(entryD);
                side.OriginDistance = entryD;
                Step(track, side, entry, entryD, p, d, at, events);
            }
        }

        side.LastSeenAt = at;
    }

    /// <summary>
    /// A track went lost. If it was last seen past the line but still inside the band (a line near the frame edge:
    /// the vehicle left the picture before it got clear of the line), its crossing is final now. Otherwise it is
    /// remembered for a while so a new id appearing next to it can take over (an id switch at the line).
    /// </summary>
    public void Lost(long trackId, string className, DateTimeOffset at, List<CountEvent> events)
    {
        if (!_sides.TryGetValue(trackId, out var side) || side.FirmSide == 0)
        {
            return;
        }

        if (Math.Sign(side.LastDistance) == -side.FirmSide && HasTravelled(side, -side.FirmSide, side.LastDistance))
        {
            var direction = side.FirmSide < 0 ? CrossingDirection.Forward : CrossingDirection.Backward;
            side.FirmSide = -side.FirmSide;
            Cross(trackId, className, side, direction, at, events);
            return;
        }

        _handovers.Add(new LineHandover(trackId, side, side.LastPoint, side.LastDistance, at));
        if (_handovers.Count > options.MaxHandovers)
        {
            _handovers.RemoveAt(0);
        }
    }

    /// <summary>
    /// An anchor that moved more than <see cref="CountingOptions.MaxStepBoxHeights"/> box heights since the track's
    /// previous frame, with no more than <see cref="CountingOptions.MaxStepGap"/> between them, cannot be one vehicle's
    /// motion (a vehicle at 50 km/h moves about a third of its box height per frame at 10 frames/s).
    /// </summary>
    private bool Jumped(TrackLineSide side, BoxF box, Point2 p, DateTimeOffset at)
    {
        var gap = at - side.LastSeenAt;
        return gap > TimeSpan.Zero && gap <= options.MaxStepGap
            && p.DistanceTo(side.LastPoint) > options.MaxStepBoxHeights * Math.Max(box.Height, 1f);
    }

    /// <summary>Where a box touching the picture's edge entered it: its anchor moved onto that edge.</summary>
    private static Point2? EntryPoint(BoxF box, Point2 anchor, FrameSize frame)
    {
        const float margin = 1.5f;
        if (box.Bottom >= frame.Height - margin)
        {
            return anchor with { Y = frame.Height };
        }

        if (box.Top <= margin)
        {
            return anchor with { Y = 0 };
        }

        if (box.Left <= margin)
        {
            return anchor with { X = 0 };
        }

        if (box.Right >= frame.Width - margin)
        {
            return anchor with { X = frame.Width };
        }

        return null;
    }

    public void Removed(long trackId) => _sides.Remove(trackId);

    public void Expire(DateTimeOffset now) => _handovers.RemoveAll(h => now - h.LostAt > options.HandoverWindow);

    private int FirmSideOf(double d)
    {
        var h = Line.HysteresisPixels;
        if (h <= 0)
        {
            return Math.Sign(d);
        }

        return d >= h ? 1 : d <= -h ? -1 : 0;
    }

    private LineHandover? TakeOver(TrackSnapshot track, TrackLineSide side, Point2 p, double d, DateTimeOffset at)
    {
        var newFirm = FirmSideOf(d);
        var radius = options.HandoverRadiusBoxSizes * Math.Max(Math.Max(track.DetectionBox.Height, track.DetectionBox.Width), 1f);
        LineHandover? best = null;
        foreach (var h in _handovers)
        {
            if (h.TrackId == track.Id || at - h.LostAt > options.HandoverWindow || h.Side.FirmSide == 0)
            {
                continue;
            }

            if (newFirm == h.Side.FirmSide || h.LastPoint.DistanceTo(p) > radius || IsBehind(h, d) || !SameSize(h.Side.LastBoxHeight, track.DetectionBox.Height))
            {
                continue;
            }

            if (best is null || h.LastPoint.DistanceTo(p) < best.LastPoint.DistanceTo(p))
            {
                best = h;
            }
        }

        if (best is null)
        {
            return null;
        }

        _handovers.Remove(best);
        side.FirmSide = best.Side.FirmSide;
        side.OriginDistance = best.Side.OriginDistance;
        side.LastBoxHeight = best.Side.LastBoxHeight;

        // A vehicle carried over an id switch after it was counted keeps going its way: the new id may not count it
        // back the other way (the box of a stopped vehicle jumping on the line would otherwise count it backward).
        side.Counted = best.Side.Counted == 0 ? 0 : CountDirections.Both;
        side.LastCrossingInside = best.Side.LastCrossingInside;
        side.LastCrossingPoint = best.Side.LastCrossingPoint;

        // The old id must not count again should it come back: the new one carries its crossing now.
        best.Side.Counted = CountDirections.Both;
        return best;
    }

    private bool SameSize(double lostHeight, double newHeight)
    {
        var ratio = Math.Max(newHeight, 1) / Math.Max(lostHeight, 1);
        return ratio <= options.HandoverMaxSizeRatio && ratio >= 1 / options.HandoverMaxSizeRatio;
    }

    /// <summary>
    /// Whether a new anchor lies behind a lost vehicle, against the way that vehicle was travelling across the line:
    /// that is the vehicle following it (dense queue), not the same one under a new id, and must not inherit its side.
    /// </summary>
    private bool IsBehind(LineHandover lost, double newDistance)
    {
        var travel = lost.Side.LastDistance - lost.Side.OriginDistance;
        var tolerance = Math.Max(Line.HysteresisPixels, 1);
        if (Math.Abs(travel) < 2 * tolerance)
        {
            return false;
        }

        return Math.Sign(travel) * (newDistance - lost.LastDistance) < -tolerance;
    }

    private void Step(TrackSnapshot track, TrackLineSide side, Point2 from, double fromD, Point2 to, double toD, DateTimeOffset at, List<CountEvent> events)
    {
        if ((fromD < 0) != (toD < 0) && Line.CrossingParameter(from, to) is { } t)
        {
            side.LastCrossingInside = t is >= 0 and <= 1;
            side.LastCrossingPoint = Line.Start + ((Line.End - Line.Start) * t);
        }

        var firm = FirmSideOf(toD);
        if (firm != 0)
        {
            side.LastBoxHeight = Math.Max(track.DetectionBox.Height, 1f);
            if (side.FirmSide == -firm)
            {
                if (!HasTravelled(side, firm, toD))
                {
                    // Not yet a real crossing (a box jumping over the line, a track born on it): the side stays
                    // undecided until the vehicle has really moved; a queued vehicle creeping on still counts then.
                    side.LastPoint = to;
                    side.LastDistance = toD;
                    return;
                }

                var direction = firm > 0 ? CrossingDirection.Forward : CrossingDirection.Backward;
                Cross(track.Id, track.ClassName, side, direction, at, events);
            }

            side.FirmSide = firm;
        }

        side.LastPoint = to;
        side.LastDistance = toD;
    }

    /// <summary>
    /// Whether the vehicle has moved far enough towards <paramref name="toward"/> to have crossed for real: at least
    /// <see cref="CountingOptions.MinTravelBoxHeights"/> of its box height along the line's normal, measured from
    /// where it was first seen (over id switches too) before its first count, from the line itself after one.
    /// </summary>
    private bool HasTravelled(TrackLineSide side, int toward, double toD)
    {
        var from = side.Counted == 0 ? side.OriginDistance : 0;
        var needed = Math.Max(options.MinTravelBoxHeights * side.LastBoxHeight, Line.HysteresisPixels);
        return toward * (toD - from) >= needed;
    }

    private void Cross(long trackId, string className, TrackLineSide side, CrossingDirection direction, DateTimeOffset at, List<CountEvent> events)
    {
        // A crossing of the line's extension beside the segment is no crossing at all.
        if (!side.LastCrossingInside)
        {
            return;
        }

        var flag = direction == CrossingDirection.Forward ? CountDirections.Forward : CountDirections.Backward;
        if ((Line.Directions & flag) == 0 || (side.Counted & flag) != 0)
        {
            return;
        }

        side.Counted |= flag;
        if (side.Confirmed)
        {
            events.Add(new CountEvent(Line.Id, Line.Approach, direction, trackId, className, at, side.LastCrossingPoint));
        }
        else
        {
            side.Pending.Add((direction, side.LastCrossingPoint, at));
        }
    }
}
