using System.Globalization;
using System.Text;
using EdgeCity.Domain.Counting;

namespace EdgeCity.Domain.Evaluation;

/// <summary>
/// What the pipeline counted on footage that has no ground truth: a table per line, direction and class, and the
/// crossings as sparse truth lines, the draft a person checks against the video to make hand counts.
/// </summary>
public static class CountTable
{
    /// <summary>One row per count line and direction with its total and its classes, and the clip's length.</summary>
    public static string Of(PipelineObservations observed, double durationSeconds)
    {
        ArgumentNullException.ThrowIfNull(observed);
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(inv, $"video: {durationSeconds:0.0} s, {observed.Counts.Count} vehicles counted");
        sb.AppendLine("line                 direction  counted  per hour  classes");
        foreach (var g in observed.Counts.GroupBy(c => (c.LineId, c.Direction)).OrderBy(g => g.Key.LineId, StringComparer.Ordinal).ThenBy(g => g.Key.Direction))
        {
            var classes = string.Join(", ", g.GroupBy(c => c.ClassName).OrderByDescending(c => c.Count()).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Count()}"));
            var perHour = durationSeconds > 0 ? (g.Count() * 3600.0 / durationSeconds).ToString("0", inv) : "–";
            sb.AppendLine(inv, $"{g.Key.LineId,-20} {Name(g.Key.Direction),-9} {g.Count(),8} {perHour,9}  {classes}");
        }

        return sb.ToString();
    }

    /// <summary>
    /// The counted crossings as truth lines (<see cref="TruthFrame"/> JSON, one per frame that has any), on the video's
    /// clock at <paramref name="framesPerSecond"/>; <c>eval counts --truth</c> reads them back once reviewed.
    /// </summary>
    public static IEnumerable<string> AsTruthLines(PipelineObservations observed, string cameraId, double framesPerSecond)
    {
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(framesPerSecond);
        return observed.Counts
            .GroupBy(c => (long)Math.Round(c.Time * framesPerSecond))
            .OrderBy(g => g.Key)
            .Select(g => new TruthFrame
            {
                Camera = cameraId,
                Frame = g.Key,
                Time = Math.Round(g.Key / framesPerSecond, 4),
                Crossings = g.Select(c => new TruthCrossing { Line = c.LineId, Vehicle = $"track{c.TrackId}", Direction = Name(c.Direction), Class = c.ClassName }).ToList(),
            }.ToJsonLine());
    }

    private static string Name(CrossingDirection d) => d == CrossingDirection.Forward ? "forward" : "backward";
}
