using EdgeCity.Domain.Control;
using EdgeCity.Actors.Signals;

namespace EdgeCity.Node.Hosting;

/// <summary>Passes each command to the real head and records the phase shown for the start page.</summary>
public sealed class LiveSignalHead(ISignalHead inner, LiveSignals live, string controller) : ISignalHead
{
    public string Name => inner.Name;

    public Task ApplyAsync(SignalCommand command, CancellationToken cancellationToken)
    {
        live.Intersections.AddOrUpdate(
            command.IntersectionId,
            id => new LiveIntersection(id, controller, command.State.ActivePhaseId, command.State.InTransition, 0, 0),
            (_, was) => was with { Phase = command.State.ActivePhaseId, InTransition = command.State.InTransition });
        return inner.ApplyAsync(command, cancellationToken);
    }
}
