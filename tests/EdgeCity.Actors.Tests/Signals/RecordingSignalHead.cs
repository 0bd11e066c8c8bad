using EdgeCity.Domain.Control;
using System.Collections.Concurrent;
using EdgeCity.Actors.Signals;

namespace EdgeCity.Actors.Tests.Signals;

/// <summary>A signal head that keeps what it was told (the TraCI head arrives next round); can be told to fail.</summary>
internal sealed class RecordingSignalHead : ISignalHead
{
    public ConcurrentQueue<SignalCommand> Commands { get; } = new();

    public bool Fail { get; set; }

    public string Name => "recording";

    public Task ApplyAsync(SignalCommand command, CancellationToken cancellationToken)
    {
        if (Fail)
        {
            throw new IOException("controller cabinet unreachable");
        }

        Commands.Enqueue(command);
        return Task.CompletedTask;
    }
}
