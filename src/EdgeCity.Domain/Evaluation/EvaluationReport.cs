using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EdgeCity.Domain.Evaluation;

/// <summary>Counts, queues and speeds of a recording against its ground truth, per count line and per approach.</summary>
public sealed record EvaluationReport(double DurationSeconds, IReadOnlyList<LineEvaluation> Lines, IReadOnlyList<ApproachEvaluation> Approaches)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>A plain-text table, one row per line and one per approach.</summary>
    public string ToTable()
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine(inv, $"recording: {DurationSeconds:0.0} s");
        // Matched, missed and extra pair counts with true crossings in time; "twice" are extra counts of a vehicle already counted.
        sb.AppendLine("approach   line                 direction  counted   true  error %  matched  missed  extra  twice");
        foreach (var l in Lines)
        {
            sb.AppendLine(inv, $"{l.Approach,-10} {l.LineId,-20} {l.Direction.ToString().ToLowerInvariant(),-9} {l.Counted,8} {l.Truth,6} {Pct(l.ErrorPercent),8} {l.Matched,8} {l.Missed,7} {l.Extra,6} {l.Repeated,6}");
        }

        // Queue MAE is against the true queue within the camera's reach; "whole" against the whole true queue, and
        // "beyond %" is the share of samples whose true queue ran past the reach (out of any camera's view).
        sb.AppendLine("approach   counted   true  count error %  queue MAE m  whole m  beyond %  queue n  speed error %  speed n");
        foreach (var a in Approaches)
        {
            sb.AppendLine(inv, $"{a.Approach,-10} {a.Counted,7} {a.Truth,6} {Pct(a.CountErrorPercent),14} {Num(a.QueueMaeMeters),12} {Num(a.QueueMaeUnclippedMeters),8} {Pct(a.QueueBeyondViewShare * 100),9} {a.QueueSamples,8} {Pct(a.SpeedErrorPercent),14} {a.SpeedSamples,8}");
        }

        return sb.ToString();
    }

    private static string Pct(double? v) => v is { } x ? x.ToString("0.00", CultureInfo.InvariantCulture) : "–";

    private static string Num(double? v) => v is { } x ? x.ToString("0.00", CultureInfo.InvariantCulture) : "–";
}
