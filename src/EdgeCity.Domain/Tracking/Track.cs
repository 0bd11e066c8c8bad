using Det = EdgeCity.Domain.Detection.Detection;
using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Tracking;

/// <summary>One vehicle followed across frames, with its motion filter and class votes.</summary>
internal sealed class Track
{
    private readonly BoxKalmanFilter _filter;
    private readonly Dictionary<int, (string Name, float Score)> _classVotes = [];

    public Track(long id, Det detection, int confirmHits)
    {
        Id = id;
        _filter = new BoxKalmanFilter(detection.Box);
        LastDetectionBox = detection.Box;
        Score = detection.Score;
        Hits = 1;
        State = confirmHits <= 1 ? TrackState.Tracked : TrackState.Tentative;
        Vote(detection);
    }

    public long Id { get; }

    public TrackState State { get; set; }

    public int Hits { get; private set; }

    /// <summary>Consecutive frames without a matched detection.</summary>
    public int Misses { get; private set; }

    /// <summary>Frame sequence number at which the track was last matched; orders lost tracks by age.</summary>
    public long LastMatchedSequence { get; set; }

    public float Score { get; private set; }

    public BoxF LastDetectionBox { get; private set; }

    public BoxF PredictedBox => _filter.Box;

    public void Predict(double steps) => _filter.Predict(steps);

    public void Match(Det detection, int confirmHits)
    {
        _filter.Update(detection.Box);
        LastDetectionBox = detection.Box;
        Score = detection.Score;
        Hits++;
        Misses = 0;
        Vote(detection);
        if (State == TrackState.Lost || (State == TrackState.Tentative && Hits >= confirmHits))
        {
            State = TrackState.Tracked;
        }
    }

    public void Miss() => Misses++;

    public TrackSnapshot Snapshot()
    {
        var (classId, name) = BestClass();
        return new TrackSnapshot(Id, State, _filter.Box, LastDetectionBox, classId, name, Score, Hits);
    }

    private void Vote(Det detection)
    {
        _classVotes.TryGetValue(detection.ClassId, out var v);
        _classVotes[detection.ClassId] = (detection.ClassName, v.Score + detection.Score);
    }

    private (int Id, string Name) BestClass()
    {
        var best = _classVotes.MaxBy(kv => kv.Value.Score);
        return (best.Key, best.Value.Name);
    }
}
