using Det = EdgeCity.Domain.Detection.Detection;
using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Tracking;

/// <summary>
/// Multi-object tracker of the ByteTrack family. Each frame: predict every track with its Kalman filter; match
/// confirmed and lost tracks to high-score detections, then the still-unmatched tracked ones to low-score detections
/// (an occluded, low-confidence vehicle keeps its id); then tentative tracks to what is left. Matching is optimal
/// (<see cref="LinearAssignment"/>) on 1 − IoU. Memory is bounded: lost tracks are kept at most
/// <see cref="TrackerOptions.MaxMisses"/> frames and at most <see cref="TrackerOptions.MaxLostTracks"/> at once.
/// Ids come from a counter that only grows, so an id is never reused.
/// </summary>
public sealed class ByteTracker
{
    private readonly TrackerOptions _options;
    private readonly List<Track> _tracked = [];
    private readonly List<Track> _tentative = [];
    private readonly List<Track> _lost = [];
    private long _nextId = 1;
    private long _sequence;
    private DateTimeOffset? _lastCapturedAt;

    public ByteTracker(TrackerOptions? options = null)
    {
        _options = options ?? new TrackerOptions();
        _options.Validate();
    }

    /// <summary>Confirmed tracks matched in the latest frame.</summary>
    public int ActiveTracks => _tracked.Count;

    /// <summary>Tracks currently remembered as lost (bounded).</summary>
    public int LostTracks => _lost.Count;

    /// <summary>Tracks not yet confirmed.</summary>
    public int TentativeTracks => _tentative.Count;

    /// <summary>The id the next new track will get; ids below it were handed out once and never again.</summary>
    public long NextId => _nextId;

    /// <summary>Feeds one frame's detections, stamped with the frame's capture time.</summary>
    public TrackerUpdate Update(IReadOnlyList<Det> detections, DateTimeOffset capturedAt)
    {
        ArgumentNullException.ThrowIfNull(detections);
        _sequence++;
        var steps = 1.0;
        if (_lastCapturedAt is { } last)
        {
            steps = Math.Clamp((capturedAt - last).TotalSeconds / _options.NominalFrameInterval.TotalSeconds, 0.05, 100);
        }

        _lastCapturedAt = capturedAt;

        var high = new List<Det>();
        var low = new List<Det>();
        foreach (var d in detections)
        {
            if (!IsUsable(d.Box) || !float.IsFinite(d.Score))
            {
                continue;
            }

            if (d.Score >= _options.HighScoreThreshold)
            {
                high.Add(d);
            }
            else if (d.Score >= _options.LowScoreThreshold)
            {
                low.Add(d);
            }
        }

        foreach (var t in _tracked.Concat(_lost).Concat(_tentative))
        {
            t.Predict(steps);
        }

        var matched = new List<Track>();
        var lostNow = new List<long>();
        var removed = new List<long>();

        // Stage 1: confirmed (tracked and lost) tracks against high-score detections.
        var pool = _tracked.Concat(_lost).ToList();
        var (m1, poolLeft, highLeft) = Associate(pool, high, _options.HighMatchCostLimit);
        Apply(m1, matched);

        // Stage 2: tracks that were tracked last frame (not the lost ones) against low-score detections.
        var stillTracked = poolLeft.Where(t => t.State == TrackState.Tracked).ToList();
        var (m2, trackedLeft, _) = Associate(stillTracked, low, _options.LowMatchCostLimit);
        Apply(m2, matched);

        // Stage 3: tentative tracks against the high-score detections nobody took.
        var (m3, tentativeLeft, newcomers) = Associate(_tentative.ToList(), highLeft, _options.TentativeMatchCostLimit);
        Apply(m3, matched);

        foreach (var t in tentativeLeft)
        {
            t.State = TrackState.Removed;
            removed.Add(t.Id);
        }

        foreach (var t in poolLeft.Where(t => t.State == TrackState.Lost))
        {
            t.Miss();
        }

        foreach (var t in trackedLeft)
        {
            t.State = TrackState.Lost;
            t.Miss();
            lostNow.Add(t.Id);
        }

        foreach (var d in newcomers.Where(d => d.Score >= _options.NewTrackThreshold))
        {
            var t = new Track(_nextId++, d, _options.ConfirmHits) { LastMatchedSequence = _sequence };
            matched.Add(t);
        }

        Rebuild(matched, removed);

        return new TrackerUpdate(
            capturedAt,
            matched.Select(t => t.Snapshot()).ToList(),
            lostNow,
            removed,
            _tracked.Count,
            _lost.Count);
    }

    private static bool IsUsable(BoxF b) =>
        float.IsFinite(b.Left) && float.IsFinite(b.Top) && float.IsFinite(b.Right) && float.IsFinite(b.Bottom) && b.Width > 0 && b.Height > 0;

    private static (List<(Track Track, Det Detection)> Pairs, List<Track> TracksLeft, List<Det> DetectionsLeft) Associate(
        List<Track> tracks, List<Det> detections, double costLimit)
    {
        if (tracks.Count == 0 || detections.Count == 0)
        {
            return ([], tracks, detections);
        }

        var cost = new double[tracks.Count, detections.Count];
        for (var i = 0; i < tracks.Count; i++)
        {
            var box = tracks[i].PredictedBox;
            for (var j = 0; j < detections.Count; j++)
            {
                cost[i, j] = 1.0 - box.IoU(detections[j].Box);
            }
        }

        var assignment = LinearAssignment.Solve(cost, costLimit);
        var usedTracks = new bool[tracks.Count];
        var usedDetections = new bool[detections.Count];
        var pairs = new List<(Track, Det)>(assignment.Count);
        foreach (var (row, col) in assignment)
        {
            usedTracks[row] = true;
            usedDetections[col] = true;
            pairs.Add((tracks[row], detections[col]));
        }

        return (pairs, tracks.Where((_, i) => !usedTracks[i]).ToList(), detections.Where((_, j) => !usedDetections[j]).ToList());
    }

    private void Apply(List<(Track Track, Det Detection)> pairs, List<Track> matched)
    {
        foreach (var (track, detection) in pairs)
        {
            track.Match(detection, _options.ConfirmHits);
            track.LastMatchedSequence = _sequence;
            matched.Add(track);
        }
    }

    private void Rebuild(List<Track> matched, List<long> removed)
    {
        var lost = _lost.Concat(_tracked).Where(t => t.State == TrackState.Lost).ToList();
        _tracked.Clear();
        _tentative.Clear();
        foreach (var t in matched)
        {
            (t.State == TrackState.Tentative ? _tentative : _tracked).Add(t);
        }

        // Lost tracks expire after MaxMisses frames, and the oldest go first when there are too many of them:
        // the memory of lost tracks never grows without bound, whatever the scene does.
        lost.RemoveAll(t =>
        {
            if (t.Misses < _options.MaxMisses)
            {
                return false;
            }

            t.State = TrackState.Removed;
            removed.Add(t.Id);
            return true;
        });
        if (lost.Count > _options.MaxLostTracks)
        {
            lost.Sort((a, b) => b.LastMatchedSequence.CompareTo(a.LastMatchedSequence));
            foreach (var t in lost.Skip(_options.MaxLostTracks))
            {
                t.State = TrackState.Removed;
                removed.Add(t.Id);
            }

            lost.RemoveRange(_options.MaxLostTracks, lost.Count - _options.MaxLostTracks);
        }

        _lost.Clear();
        _lost.AddRange(lost);
    }
}
