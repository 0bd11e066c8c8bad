using System.Text.Json;
using System.Threading.Channels;

namespace EdgeCity.Actors.Signals;

/// <summary>
/// Writes audit records as JSON lines (camelCase, one record per line) on a background task, so coordinators never
/// wait on the disk. If the writer falls behind by more than its capacity, records are dropped and counted.
/// </summary>
public sealed class JsonLinesSignalAuditLog : ISignalAuditLog, IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Channel<SignalAuditRecord> _channel;
    private readonly TextWriter _writer;
    private readonly Task _pump;

    public JsonLinesSignalAuditLog(TextWriter writer, int capacity = 10_000)
    {
        _writer = writer;
        _channel = Channel.CreateBounded<SignalAuditRecord>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.DropWrite,
        });
        _pump = Task.Run(PumpAsync);
    }

    /// <summary>Appends to the file at <paramref name="path"/> (creating its folder).</summary>
    public static JsonLinesSignalAuditLog OpenFile(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        return new JsonLinesSignalAuditLog(new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read)));
    }

    public static string Serialize(SignalAuditRecord record) => JsonSerializer.Serialize(record, Json);

    public void Write(SignalAuditRecord record)
    {
        if (!_channel.Writer.TryWrite(record))
        {
            SignalMetrics.AuditDropped.Inc();
        }
    }

    /// <summary>Writes what is queued, then closes the writer.</summary>
    public async ValueTask DisposeAsync()
    {
        _channel.Writer.TryComplete();
        await _pump.ConfigureAwait(false);
        await _writer.DisposeAsync().ConfigureAwait(false);
    }

    private async Task PumpAsync()
    {
        var reader = _channel.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var record))
            {
                await _writer.WriteLineAsync(Serialize(record)).ConfigureAwait(false);
            }

            await _writer.FlushAsync().ConfigureAwait(false);
        }
    }
}
