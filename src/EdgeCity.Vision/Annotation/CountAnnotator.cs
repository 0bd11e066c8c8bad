using EdgeCity.Domain.Counting;
using EdgeCity.Domain.Measurements;
using EdgeCity.Domain.Sites;
using OpenCvSharp;

namespace EdgeCity.Vision.Annotation;

/// <summary>
/// Draws what the counting saw onto a frame, so that a person can check the counts by eye: each count line with an
/// arrow to its "in" side and both direction names, each confirmed track's box with its id and class, a flash on a box
/// as it is counted, and the running counts per line and direction in the corner.
/// </summary>
public sealed class CountAnnotator
{
    private static readonly Scalar LineColour = new(0, 215, 255);
    private static readonly Scalar CountedColour = new(0, 0, 255);
    private static readonly Scalar Text = new(255, 255, 255);
    private readonly IReadOnlyList<CountLineDefinition> _lines;
    private readonly Dictionary<(string Line, bool In), int> _counts = [];
    private readonly Dictionary<long, int> _flash = [];

    public CountAnnotator(IReadOnlyList<CountLineDefinition> lines)
    {
        _lines = lines;
        foreach (var l in lines)
        {
            _counts[(l.Id, true)] = 0;
            _counts[(l.Id, false)] = 0;
        }
    }

    /// <summary>Draws onto <paramref name="frame"/> (in place) the lines, <paramref name="analysis"/>'s tracks and counts, and the totals so far.</summary>
    public void Draw(Mat frame, FrameAnalysis? analysis)
    {
        ArgumentNullException.ThrowIfNull(frame);
        foreach (var c in analysis?.Counts ?? [])
        {
            var key = (c.LineId, c.Direction == CrossingDirection.Forward);
            _counts[key] = _counts.GetValueOrDefault(key) + 1;
            _flash[c.TrackId] = 8; // frames the counted box stays red
        }

        var scale = Math.Max(0.4, frame.Width / 1600.0);
        foreach (var l in _lines)
        {
            var a = new Point(l.From[0], l.From[1]);
            var b = new Point(l.To[0], l.To[1]);
            Cv2.Line(frame, a, b, LineColour, Math.Max(1, (int)(2 * scale)), LineTypes.AntiAlias);
            // "in" crosses from the line's right-hand side (walking From -> To) to its left: the arrow points left.
            var mid = new Point2d((a.X + b.X) / 2.0, (a.Y + b.Y) / 2.0);
            var (dx, dy) = (b.X - a.X, b.Y - a.Y);
            var len = Math.Max(1e-6, Math.Sqrt((dx * dx) + (dy * dy)));
            var left = new Point2d(dy / len, -dx / len);
            var arrow = 30 * scale;
            Cv2.ArrowedLine(frame, new Point(mid.X - (left.X * arrow), mid.Y - (left.Y * arrow)), new Point(mid.X + (left.X * arrow), mid.Y + (left.Y * arrow)), LineColour, Math.Max(1, (int)(2 * scale)), LineTypes.AntiAlias, 0, 0.3);
            Label(frame, $"{l.Id}: {l.DirectionName(true)}", new Point(mid.X + (left.X * (arrow + 6)), mid.Y + (left.Y * (arrow + 6))), scale, LineColour);
        }

        foreach (var t in analysis?.Tracks.Matched.Where(t => t.IsConfirmed) ?? [])
        {
            var counted = _flash.TryGetValue(t.Id, out var left) && left > 0;
            var colour = counted ? CountedColour : new Scalar(80, 220, 80);
            var box = new Rect((int)t.DetectionBox.Left, (int)t.DetectionBox.Top, (int)Math.Max(1, t.DetectionBox.Width), (int)Math.Max(1, t.DetectionBox.Height));
            Cv2.Rectangle(frame, box, colour, counted ? Math.Max(2, (int)(3 * scale)) : Math.Max(1, (int)(2 * scale)));
            Label(frame, $"#{t.Id} {t.ClassName}", new Point(box.X, box.Y - 4), scale * 0.8, colour);
        }

        foreach (var id in _flash.Keys.ToList())
        {
            if (--_flash[id] <= 0)
            {
                _flash.Remove(id);
            }
        }

        var y = (int)(24 * scale);
        foreach (var l in _lines)
        {
            Label(frame, $"{l.Id}  {l.DirectionName(true)} {_counts[(l.Id, true)]}  {l.DirectionName(false)} {_counts[(l.Id, false)]}", new Point(8, y), scale, Text);
            y += (int)(26 * scale);
        }
    }

    private static void Label(Mat frame, string text, Point at, double scale, Scalar colour)
    {
        var size = Cv2.GetTextSize(text, HersheyFonts.HersheySimplex, 0.6 * scale, 1, out var baseline);
        var origin = new Point(Math.Clamp(at.X, 0, Math.Max(0, frame.Width - size.Width)), Math.Clamp(at.Y, size.Height + 2, Math.Max(size.Height + 2, frame.Height - baseline)));
        Cv2.Rectangle(frame, new Rect(origin.X - 2, origin.Y - size.Height - 2, size.Width + 4, size.Height + baseline + 4), Scalar.Black, -1);
        Cv2.PutText(frame, text, origin, HersheyFonts.HersheySimplex, 0.6 * scale, colour, 1, LineTypes.AntiAlias);
    }
}
