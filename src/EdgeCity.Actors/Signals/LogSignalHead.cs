using EdgeCity.Domain.Control;
using Microsoft.Extensions.Logging;

namespace EdgeCity.Actors.Signals;

/// <summary>A signal head that only logs what it would show: for dry runs and for boxes not yet wired to a controller.</summary>
public sealed class LogSignalHead(ILogger<LogSignalHead> logger) : ISignalHead
{
    public string Name => "log";

    public Task ApplyAsync(SignalCommand command, CancellationToken cancellationToken)
    {
        logger.LogInformation(
            "Signal {Intersection} phase {Phase}{Transition}: {Indications} ({Reason})",
            command.IntersectionId,
            command.State.ActivePhaseId,
            command.State.InTransition ? " (changing)" : string.Empty,
            string.Join(" ", command.State.Indications.Select(kv => $"{kv.Key}={kv.Value}")),
            command.Reason);
        return Task.CompletedTask;
    }
}
