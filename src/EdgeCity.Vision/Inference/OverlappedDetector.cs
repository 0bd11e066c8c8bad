namespace EdgeCity.Vision.Inference;

/// <summary>
/// Two <see cref="Detector"/>s ("lanes") used in turn, so the model never waits for the CPU work around it: while a
/// runner thread of its own runs one lane's batch, the caller's thread decodes the boxes of the lane that just finished
/// and letterboxes the next frames into it. Lanes are filled and run strictly alternately, so at most one prepared
/// batch waits behind the one running (a 1-deep handoff, no queue) and results come back in order. All buffers are
/// made once; the handoff allocates nothing. One caller thread only.
/// </summary>
public sealed class OverlappedDetector : IDisposable
{
    private readonly Detector[] _lanes;
    private readonly LaneState[] _states = [LaneState.Free, LaneState.Free];
    private readonly int[] _counts = new int[2];
    private readonly Exception?[] _errors = new Exception?[2];
    private readonly object _gate = new();
    private readonly Thread _runner;
    private bool _stopping;

    public OverlappedDetector(DetectionModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _lanes = [new Detector(model), new Detector(model)];
        MaxBatch = _lanes[0].MaxBatch;
        _runner = new Thread(RunLanes) { IsBackground = true, Name = $"inference-run-{model.Name}" };
        _runner.Start();
    }

    private enum LaneState
    {
        Free,
        Submitted,
        Done,
    }

    /// <summary>Most frames per batch.</summary>
    public int MaxBatch { get; }

    /// <summary>The lane the caller fills next (0 or 1); it is free: nothing of it is running or waiting to run.</summary>
    public int Filling { get; private set; }

    /// <summary>The other lane: the one submitted last, which may still be waiting or running.</summary>
    public int Other => 1 - Filling;

    /// <summary>The detector of a lane, to <see cref="Detector.Prepare"/> frames into (the filling lane) or <see cref="Detector.Decode"/> a finished batch.</summary>
    public Detector Lane(int lane) => _lanes[lane];

    /// <summary>
    /// Hands the filling lane's <paramref name="count"/> prepared frames to the runner, then makes the other lane the
    /// filling one, waiting until its batch has run. Returns that lane's finished batch size (0 when it had none) for
    /// the caller to decode; <paramref name="error"/> is the exception its run threw, if any.
    /// </summary>
    public int Submit(int count, out Exception? error)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxBatch);
        lock (_gate)
        {
            _counts[Filling] = count;
            _states[Filling] = LaneState.Submitted;
            Monitor.PulseAll(_gate);
        }

        Filling = Other;
        return Collect(Filling, out error);
    }

    /// <summary>Whether the other lane still holds a batch not yet collected (waiting, running or finished).</summary>
    public bool OtherBusy
    {
        get
        {
            lock (_gate)
            {
                return _states[Other] != LaneState.Free;
            }
        }
    }

    /// <summary>
    /// Waits until <paramref name="lane"/>'s batch has run and returns its size (0 when it had none; a second collect
    /// returns 0). The caller decodes it before it fills that lane again.
    /// </summary>
    public int Collect(int lane, out Exception? error)
    {
        lock (_gate)
        {
            while (_states[lane] == LaneState.Submitted && !_stopping)
            {
                Monitor.Wait(_gate);
            }

            error = _errors[lane];
            _errors[lane] = null;
            var count = _states[lane] == LaneState.Done ? _counts[lane] : 0;
            _states[lane] = LaneState.Free;
            return count;
        }
    }

    private void RunLanes()
    {
        var lane = 0;
        while (true)
        {
            int count;
            lock (_gate)
            {
                while (_states[lane] != LaneState.Submitted && !_stopping)
                {
                    Monitor.Wait(_gate);
                }

                if (_stopping)
                {
                    return;
                }

                count = _counts[lane];
            }

            Exception? error = null;
            try
            {
                _lanes[lane].Run(count);
            }
            catch (Exception ex)
            {
                // Handed to the caller with the batch (it counts the frames as dropped); a dead runner would hang it.
                error = ex;
            }

            lock (_gate)
            {
                _errors[lane] = error;
                _states[lane] = LaneState.Done;
                Monitor.PulseAll(_gate);
            }

            lane = 1 - lane;
        }
    }

    /// <summary>Stops the runner after the batch it is running and frees both lanes.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _stopping = true;
            Monitor.PulseAll(_gate);
        }

        _runner.Join();
        foreach (var d in _lanes)
        {
            d.Dispose();
        }
    }
}
