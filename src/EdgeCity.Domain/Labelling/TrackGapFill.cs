using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Labelling;

/// <summary>
/// Fills a labeller's gaps from tracking: a vehicle tracked in the frames before and after one where the detector
/// missed it (a gap of at most <c>maxGap</c> frames) was there too; its box is interpolated between the two sightings.
/// Boxes that overlap a label already in the frame (IoU over 0.3) are not added: that vehicle is labelled.
/// </summary>
public sealed class TrackGapFill(int maxGap = 6)
{
    private readonly Dictionary<long, SortedList<long, (BoxF Box, string Class)>> _tracks = [];

    /// <summary>Records where a track was matched to a detection in a frame.</summary>
    public void Seen(long track, long frame, BoxF box, string className)
    {
        if (!_tracks.TryGetValue(track, out var sightings))
        {
            _tracks[track] = sightings = new SortedList<long, (BoxF, string)>();
        }

        sightings[frame] = (box, className);
    }

    /// <summary>The boxes tracking adds to <paramref name="frame"/>, given the labels it already has.</summary>
    public IReadOnlyList<(BoxF Box, string Class, long Track)> For(long frame, IReadOnlyList<BoxF> labelled)
    {
        var added = new List<(BoxF, string, long)>();
        foreach (var (track, sightings) in _tracks)
        {
            if (sightings.ContainsKey(frame))
            {
                continue;
            }

            var keys = sightings.Keys;
            var after = FirstAfter(keys, frame);
            if (after <= 0 || after >= keys.Count)
            {
                continue; // not seen on both sides of the frame
            }

            var (f0, f1) = (keys[after - 1], keys[after]);
            if (f1 - f0 > maxGap)
            {
                continue;
            }

            var (a, b) = (sightings.Values[after - 1], sightings.Values[after]);
            var t = (float)(frame - f0) / (f1 - f0);
            var box = new BoxF(Lerp(a.Box.Left, b.Box.Left, t), Lerp(a.Box.Top, b.Box.Top, t), Lerp(a.Box.Right, b.Box.Right, t), Lerp(a.Box.Bottom, b.Box.Bottom, t));
            if (labelled.All(l => l.IoU(box) <= 0.3f))
            {
                added.Add((box, a.Class, track));
            }
        }

        return added;
    }

    private static int FirstAfter(IList<long> keys, long frame)
    {
        var (lo, hi) = (0, keys.Count);
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            (lo, hi) = keys[mid] > frame ? (lo, mid) : (mid + 1, hi);
        }

        return lo;
    }

    private static float Lerp(float a, float b, float t) => a + ((b - a) * t);
}
