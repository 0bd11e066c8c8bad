using EdgeCity.Domain.Geometry;
using EdgeCity.Domain.Tracking;
using Det = EdgeCity.Domain.Detection.Detection;

namespace EdgeCity.Domain.Tests.Tracking;

public sealed class ByteTrackerSpec
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    private static Det Car(double x, double y, float score = 0.9f) => new(BoxF.FromCenter((float)x, (float)y, 60, 40), 0, "car", score);

    private static DateTimeOffset At(int frame) => T0.AddMilliseconds(100 * frame);

    [Fact]
    public void A_track_is_confirmed_after_n_hits_and_removed_after_m_misses()
    {
        var tracker = new ByteTracker(new TrackerOptions { ConfirmHits = 3, MaxMisses = 5 });
        var states = new List<TrackState>();
        for (var f = 0; f < 4; f++)
        {
            states.Add(Assert.Single(tracker.Update([Car(100 + (5 * f), 100)], At(f)).Matched).State);
        }

        var removedAt = -1;
        for (var f = 4; f < 20 && removedAt < 0; f++)
        {
            if (tracker.Update([], At(f)).Removed.Contains(1))
            {
                removedAt = f;
            }
        }

        Assert.Equal([TrackState.Tentative, TrackState.Tentative, TrackState.Tracked, TrackState.Tracked], states);
        Assert.Equal(8, removedAt); // frames 4..8 are its five misses
        Assert.Equal(0, tracker.LostTracks);
    }

    [Fact]
    public void A_vehicle_keeps_its_id_through_a_short_occlusion()
    {
        var tracker = new ByteTracker();
        var ids = new HashSet<long>();
        for (var f = 0; f < 40; f++)
        {
            // Moving right 6 px per frame; hidden behind a pole for frames 15..22.
            var dets = f is >= 15 and <= 22 ? [] : new[] { Car(100 + (6 * f), 200) };
            foreach (var t in tracker.Update(dets, At(f)).Matched)
            {
                ids.Add(t.Id);
            }
        }

        Assert.Equal([1L], ids);
        Assert.Equal(1, tracker.ActiveTracks);
    }

    [Fact]
    public void Low_score_detections_extend_a_track_but_never_start_one()
    {
        var tracker = new ByteTracker();
        for (var f = 0; f < 5; f++)
        {
            tracker.Update([Car(100 + (4 * f), 100)], At(f));
        }

        // Partly occluded: the detector is unsure (0.3) but the box is where the track predicts it.
        var dim = tracker.Update([Car(120, 100, 0.3f), Car(500, 400, 0.3f)], At(5));

        var t = Assert.Single(dim.Matched);
        Assert.Equal(1, t.Id);
        Assert.Equal(TrackState.Tracked, t.State);
        Assert.Equal(2, tracker.NextId);
    }

    [Fact]
    public void Two_vehicles_side_by_side_keep_their_own_ids()
    {
        var tracker = new ByteTracker();
        var byLane = new Dictionary<long, HashSet<int>>();
        for (var f = 0; f < 50; f++)
        {
            var update = tracker.Update([Car(100, 50 + (8 * f)), Car(170, 60 + (8 * f))], At(f));
            foreach (var t in update.Matched)
            {
                var lane = t.Box.Center.X < 135 ? 0 : 1;
                byLane.TryAdd(t.Id, []);
                byLane[t.Id].Add(lane);
            }
        }

        Assert.Equal(2, byLane.Count);
        Assert.All(byLane.Values, lanes => Assert.Single(lanes));
    }

    [Fact]
    public void Lost_track_memory_stays_bounded_over_100k_frames_and_ids_are_never_reused()
    {
        var options = new TrackerOptions { MaxLostTracks = 32, MaxMisses = 300 };
        var tracker = new ByteTracker(options);
        var removed = new HashSet<long>();
        long highest = 0;
        var maxLost = 0;
        for (var f = 0; f < 100_000; f++)
        {
            // Every frame a new vehicle appears somewhere, is seen for 4 frames, then vanishes for good:
            // the worst case for a tracker that keeps every lost track.
            var dets = new List<Det>();
            for (var k = Math.Max(0, f - 3); k <= f; k++)
            {
                dets.Add(Car(((k * 97) % 1800) + 60, ((k * 61) % 1000) + 40));
            }

            var update = tracker.Update(dets, At(f));
            foreach (var t in update.Matched)
            {
                Assert.False(removed.Contains(t.Id), $"removed id {t.Id} came back");
                highest = Math.Max(highest, t.Id);
            }

            foreach (var id in update.Removed)
            {
                Assert.True(removed.Add(id), $"track {id} removed twice");
            }

            maxLost = Math.Max(maxLost, tracker.LostTracks);
        }

        Assert.True(maxLost <= 32, $"lost tracks grew to {maxLost}");
        Assert.Equal(32, maxLost);
        Assert.True(tracker.ActiveTracks + tracker.TentativeTracks <= 8);
        Assert.True(highest >= 99_000, $"only {highest} ids for 100k vehicles");
        Assert.Equal(highest + 1, tracker.NextId);
    }
}
