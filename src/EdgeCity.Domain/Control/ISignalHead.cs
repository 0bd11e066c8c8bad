namespace EdgeCity.Domain.Control;

/// <summary>
/// Where validated signal states go: a SUMO traffic light over TraCI, a log, a real controller later. Commands arrive
/// in order, one at a time; a head must apply each one completely (never skip a yellow).
/// </summary>
public interface ISignalHead
{
    /// <summary>A short name for logs (<c>log</c>, <c>sumo</c>).</summary>
    string Name { get; }

    Task ApplyAsync(SignalCommand command, CancellationToken cancellationToken);
}
