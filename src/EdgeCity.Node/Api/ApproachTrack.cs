namespace EdgeCity.Node.Api;

/// <summary>One approach's measurement history (not thread-safe: the view locks).</summary>
internal sealed class ApproachTrack(string id)
{
    private readonly Queue<MeasurementSample> _samples = new();

    public string Id { get; } = id;

    /// <summary>When a camera's measurement last arrived: the coordinator's copy of the same data is then not plotted twice.</summary>
    public DateTimeOffset? LastCameraSample { get; private set; }

    public DateTimeOffset? LastSample => _samples.Count > 0 ? _samples.Last().At : null;

    public void Add(MeasurementSample sample, bool fromCamera = false)
    {
        _samples.Enqueue(sample);
        if (fromCamera)
        {
            LastCameraSample = sample.At;
        }
    }

    public void Trim(DateTimeOffset since)
    {
        while (_samples.Count > 1 && _samples.Peek().At < since)
        {
            _samples.Dequeue();
        }
    }

    public ApproachSnapshot Snapshot(DateTimeOffset since, bool withHistory) =>
        new(Id, _samples.Count > 0 ? _samples.Last() : null, withHistory ? _samples.Where(s => s.At >= since).ToList() : []);
}
