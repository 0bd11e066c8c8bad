using EdgeCity.Simulation.Traci;

namespace EdgeCity.Simulation.Control;

/// <summary>
/// State strings waiting for SUMO: signal heads post them from any thread without blocking, and the simulation loop
/// sets them all in one TraCI round trip before its next step, in the order they came. Each post completes once applied.
/// </summary>
public sealed class SumoSignalQueue
{
    private readonly Lock _gate = new();
    private List<(string TlsId, string State, TaskCompletionSource Done)> _pending = [];

    public Task Post(string tlsId, string state)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _pending.Add((tlsId, state, done));
        }

        return done.Task;
    }

    /// <summary>Applies everything posted so far (the last state per light wins within one step, none is lost between steps).</summary>
    public int Drain(TraciConnection traci)
    {
        List<(string TlsId, string State, TaskCompletionSource Done)> batch;
        lock (_gate)
        {
            if (_pending.Count == 0)
            {
                return 0;
            }

            batch = _pending;
            _pending = [];
        }

        try
        {
            traci.SetRedYellowGreenStates(batch.Select(b => (b.TlsId, b.State)).ToList());
            batch.ForEach(b => b.Done.TrySetResult());
        }
        catch (Exception ex)
        {
            batch.ForEach(b => b.Done.TrySetException(ex));
            throw;
        }

        return batch.Count;
    }

    /// <summary>Fails whatever is still waiting (the simulation is gone).</summary>
    public void Fail(Exception reason)
    {
        lock (_gate)
        {
            _pending.ForEach(b => b.Done.TrySetException(reason));
            _pending = [];
        }
    }
}
