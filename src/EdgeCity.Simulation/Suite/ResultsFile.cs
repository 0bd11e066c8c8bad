using System.Text.Json;

namespace EdgeCity.Simulation.Suite;

/// <summary>
/// Finished runs as JSON lines, one appended as each run finishes, so a long measurement (<c>sim suite</c>,
/// <c>sim tune</c>) cut short keeps every finished run and resumes from them.
/// </summary>
public sealed class ResultsFile<T>(string path, Action<string>? log = null)
    where T : class
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>
    /// The results already in the file (none when it does not exist). A line a kill cut mid-write is named and skipped
    /// (that run is run again), and the file gets the line end it lacks, so the next result starts on a line of its own.
    /// </summary>
    public List<T> Read()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var results = new List<T>();
        if (!File.Exists(path))
        {
            return results;
        }

        using (var file = File.Open(path, FileMode.Open, FileAccess.ReadWrite))
        {
            if (file.Length > 0 && file.Seek(-1, SeekOrigin.End) >= 0 && file.ReadByte() != '\n')
            {
                file.WriteByte((byte)'\n');
            }
        }

        var n = 0;
        foreach (var line in File.ReadLines(path))
        {
            n++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                results.Add(JsonSerializer.Deserialize<T>(line, Json) ?? throw new JsonException("null"));
            }
            catch (JsonException ex)
            {
                log?.Invoke($"{path}:{n}: unreadable result, run again ({ex.Message})");
            }
        }

        return results;
    }

    /// <summary>Appends one finished run.</summary>
    public Task AppendAsync(T result, CancellationToken ct) =>
        File.AppendAllTextAsync(path, JsonSerializer.Serialize(result, Json) + "\n", ct);
}
