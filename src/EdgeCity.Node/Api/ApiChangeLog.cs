using System.Text.Json;
using System.Text.RegularExpressions;

namespace EdgeCity.Node.Api;

/// <summary>
/// Who changed what through the API: every changing call (POST, PUT, PATCH, DELETE under <c>/api</c>), allowed or
/// refused, appended as a JSON line to a file that outlives the node (<c>EdgeCity:Api:ChangeLog</c>, by default
/// <c>api-changes.jsonl</c> in the audit folder) as it is answered, and the latest kept for <c>GET /api/changes</c>.
/// </summary>
public sealed partial class ApiChangeLog
{
    /// <summary>The request body kept in a record, at most (a camera or analytics payload fits).</summary>
    public const int MaxBodyCharacters = 2048;

    private const int Kept = 200;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly object _gate = new();
    private readonly LinkedList<ApiChange> _recent = new();

    public ApiChangeLog(string path)
    {
        Path = path;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
    }

    /// <summary>The JSON-lines file.</summary>
    public string Path { get; }

    /// <summary>Writes the record to the file (flushed) and keeps it among the recent ones.</summary>
    public void Record(ApiChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var line = JsonSerializer.Serialize(change, Json);
        lock (_gate)
        {
            File.AppendAllText(Path, line + "\n");
            _recent.AddLast(change);
            if (_recent.Count > Kept)
            {
                _recent.RemoveFirst();
            }
        }
    }

    /// <summary>The latest <paramref name="count"/> changes, newest last.</summary>
    public IReadOnlyList<ApiChange> Recent(int count)
    {
        lock (_gate)
        {
            return _recent.Skip(Math.Max(0, _recent.Count - count)).ToList();
        }
    }

    /// <summary>A body as kept: user and password in any URL (an RTSP camera's) masked, cut to <see cref="MaxBodyCharacters"/>.</summary>
    public static string Redact(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var masked = UrlCredentials().Replace(body, "://***@");
        return masked.Length <= MaxBodyCharacters ? masked : masked[..MaxBodyCharacters] + "…";
    }

    [GeneratedRegex(@"://[^/@\s""']+@")]
    private static partial Regex UrlCredentials();
}
