using EdgeCity.Domain.Geometry;
using EdgeCity.Domain.Tracking;

namespace EdgeCity.Domain.Tests.Counting;

/// <summary>Builds tracker updates by hand: a track is a box whose bottom-centre is the given anchor.</summary>
internal static class SyntheticTrack
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    public static TrackSnapshot At(long id, double x, double y, string cls = "car", bool confirmed = true, float w = 40, float h = 30)
    {
        var box = new BoxF((float)x - (w / 2), (float)y - h, (float)x + (w / 2), (float)y);
        return new TrackSnapshot(id, confirmed ? TrackState.Tracked : TrackState.Tentative, box, box, 0, cls, 0.9f, confirmed ? 5 : 1);
    }

    public static TrackerUpdate Frame(int frame, params TrackSnapshot[] tracks) => Frame(frame, tracks, [], []);

    public static TrackerUpdate Frame(int frame, TrackSnapshot[] tracks, long[] lost, long[] removed) =>
        new(T0.AddMilliseconds(100 * frame), tracks, lost, removed, tracks.Length, lost.Length);
}
