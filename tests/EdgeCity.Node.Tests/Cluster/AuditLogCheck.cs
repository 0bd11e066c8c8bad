using System.Globalization;
using System.Text.Json;

namespace EdgeCity.Node.Tests.Cluster;

/// <summary>
/// Reads the signal audit logs (JSON lines) a node writes and checks that every intersection had a valid plan at every
/// moment: entries never gap longer than <see cref="MaxGap"/>, and none records an invalid or rejected plan.
/// </summary>
/// <remarks>
/// The records are the coordinators' <c>SignalAuditRecord</c>s (camelCase JSON lines, one file per intersection under
/// <c>EdgeCity:Signals:AuditDirectory</c>): <c>time</c>, <c>intersection</c> and <c>valid</c> (false once the independent
/// rule monitor saw a broken rule). Coordinators write one on every change and a heartbeat every second while a
/// state holds, so a gap longer than <see cref="MaxGap"/> means an intersection had no plan in force.
/// </remarks>
internal static class AuditLogCheck
{
    public static readonly TimeSpan MaxGap = TimeSpan.FromSeconds(5);

    private static readonly string[] TimeFields = ["time"];
    private static readonly string[] IntersectionFields = ["intersection"];
    private static readonly string[] ValidityFields = ["valid"];

    /// <summary>Returns (entries read, problems found) over every <c>*.jsonl</c> file under <paramref name="directory"/>.</summary>
    public static (int Entries, IReadOnlyList<string> Problems) Check(string directory, DateTimeOffset from, DateTimeOffset to)
    {
        var problems = new List<string>();
        var byIntersection = new Dictionary<string, List<DateTimeOffset>>(StringComparer.Ordinal);
        var entries = 0;
        if (!Directory.Exists(directory))
        {
            return (0, problems);
        }

        foreach (var file in Directory.EnumerateFiles(directory, "*.jsonl", SearchOption.AllDirectories))
        {
            var lineNo = 0;
            foreach (var line in File.ReadLines(file))
            {
                lineNo++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                var at = Find(root, TimeFields) is { } t ? DateTimeOffset.Parse(t.GetString()!, CultureInfo.InvariantCulture) : (DateTimeOffset?)null;
                var id = Find(root, IntersectionFields)?.GetString();
                if (at is null || id is null)
                {
                    problems.Add($"{file}:{lineNo}: no timestamp or intersection field");
                    continue;
                }

                entries++;
                switch (Find(root, ValidityFields)?.ValueKind)
                {
                    case JsonValueKind.True:
                        break;
                    case JsonValueKind.False:
                        problems.Add($"{file}:{lineNo}: intersection {id} had an invalid plan at {at:O}");
                        break;
                    default:
                        problems.Add($"{file}:{lineNo}: no valid field");
                        break;
                }

                if (!byIntersection.TryGetValue(id, out var times))
                {
                    byIntersection[id] = times = [];
                }

                times.Add(at.Value);
            }
        }

        foreach (var (id, times) in byIntersection)
        {
            var inWindow = times.Where(t => t >= from && t <= to).Order().ToList();
            for (var i = 1; i < inWindow.Count; i++)
            {
                if (inWindow[i] - inWindow[i - 1] > MaxGap)
                {
                    problems.Add($"intersection {id}: no audit entry between {inWindow[i - 1]:O} and {inWindow[i]:O}");
                }
            }
        }

        return (entries, problems);
    }

    private static JsonElement? Find(JsonElement root, string[] names)
    {
        foreach (var name in names)
        {
            if (root.TryGetProperty(name, out var value))
            {
                return value;
            }
        }

        return null;
    }
}
