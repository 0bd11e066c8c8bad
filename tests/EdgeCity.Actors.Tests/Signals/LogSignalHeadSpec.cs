using EdgeCity.Actors.Signals;
using EdgeCity.Domain.Control;
using Microsoft.Extensions.Logging;

namespace EdgeCity.Actors.Tests.Signals;

public sealed class LogSignalHeadSpec
{
    [Fact]
    public async Task Logs_every_movement_indication_with_the_phase_and_the_reason()
    {
        var logger = new ListLogger();
        var head = new LogSignalHead(logger);
        var state = new SignalState(12.5, new Dictionary<string, SignalIndication>
        {
            ["ns"] = SignalIndication.Yellow,
            ["ew"] = SignalIndication.Red,
        }, "EW", true, 0);

        await head.ApplyAsync(new SignalCommand("x1", DateTimeOffset.UnixEpoch, state, "schedule: switch to EW"), CancellationToken.None);

        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Equal("Signal x1 phase EW (changing): ns=Yellow ew=Red (schedule: switch to EW)", entry.Message);
    }

    private sealed class ListLogger : ILogger<LogSignalHead>
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
