using OpenCvSharp;

namespace EdgeCity.Vision.Evaluation;

/// <summary>
/// A slit-scan of a count line: the pixels along the line in every frame, stacked one row per frame, so that each
/// vehicle crossing the line is one blob and vehicles side by side are blobs side by side. A person counting a clip by
/// hand counts blobs instead of stepping through frames; long clips wrap into columns of <c>framesPerColumn</c> rows,
/// with a tick every second and the frame number every ten seconds.
/// </summary>
public sealed class SlitScan
{
    private const int Gap = 56; // left of each column: ticks and frame numbers
    private readonly (double X, double Y)[] _points;
    private readonly int _framesPerColumn;
    private readonly int _scale;
    private readonly double _fps;
    private readonly List<Vec3b[]> _rows = [];

    /// <param name="from">The line's start in image pixels.</param>
    /// <param name="to">The line's end.</param>
    /// <param name="framesPerSecond">The video's frame rate, for the ticks.</param>
    /// <param name="framesPerColumn">Rows per column before the scan wraps.</param>
    /// <param name="scale">Each row and sample drawn this many pixels wide and high.</param>
    public SlitScan((double X, double Y) from, (double X, double Y) to, double framesPerSecond, int framesPerColumn = 300, int scale = 2)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(framesPerSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(framesPerColumn);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);
        var length = Math.Sqrt(Math.Pow(to.X - from.X, 2) + Math.Pow(to.Y - from.Y, 2));
        var samples = Math.Max(2, (int)Math.Round(length) + 1); // one sample per pixel of line
        _points = Enumerable.Range(0, samples)
            .Select(i => (from.X + ((to.X - from.X) * i / (samples - 1)), from.Y + ((to.Y - from.Y) * i / (samples - 1))))
            .ToArray();
        _fps = framesPerSecond;
        _framesPerColumn = framesPerColumn;
        _scale = scale;
    }

    /// <summary>Samples along the line.</summary>
    public int Samples => _points.Length;

    /// <summary>Frames added so far.</summary>
    public int Frames => _rows.Count;

    /// <summary>Adds one frame (8-bit BGR): its pixels along the line become the next row; points outside the frame are black.</summary>
    public void Add(Mat frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Type() != MatType.CV_8UC3)
        {
            throw new ArgumentException($"a slit-scan needs 8-bit BGR frames, got {frame.Type()}", nameof(frame));
        }

        var row = new Vec3b[_points.Length];
        for (var i = 0; i < _points.Length; i++)
        {
            var (x, y) = ((int)Math.Round(_points[i].X), (int)Math.Round(_points[i].Y));
            row[i] = x >= 0 && y >= 0 && x < frame.Width && y < frame.Height ? frame.At<Vec3b>(y, x) : default;
        }

        _rows.Add(row);
    }

    /// <summary>The scan so far as one image: columns of <c>framesPerColumn</c> frames, time running down each column.</summary>
    public Mat Render()
    {
        var columns = Math.Max(1, (_rows.Count + _framesPerColumn - 1) / _framesPerColumn);
        var columnWidth = Gap + (_points.Length * _scale);
        var image = new Mat(_framesPerColumn * _scale, columns * columnWidth, MatType.CV_8UC3, Scalar.Black);
        for (var f = 0; f < _rows.Count; f++)
        {
            var (column, r) = (f / _framesPerColumn, f % _framesPerColumn);
            var x0 = (column * columnWidth) + Gap;
            var y0 = r * _scale;
            var row = _rows[f];
            for (var i = 0; i < row.Length; i++)
            {
                image.Rectangle(new Rect(x0 + (i * _scale), y0, _scale, _scale), new Scalar(row[i].Item0, row[i].Item1, row[i].Item2), -1);
            }

            // A tick each second; each tenth second, longer and with the frame number beside it.
            var second = (int)Math.Floor(f / _fps);
            if (f == 0 || (int)Math.Floor((f - 1) / _fps) != second)
            {
                var tenth = second % 10 == 0;
                image.Line(new Point(x0 - (tenth ? 14 : 7), y0), new Point(x0 - 1, y0), Scalar.Yellow, 1);
                if (tenth)
                {
                    image.PutText(f.ToString(System.Globalization.CultureInfo.InvariantCulture), new Point(x0 - Gap + 2, y0 + 10), HersheyFonts.HersheySimplex, 0.35, Scalar.Yellow, 1);
                }
            }
        }

        return image;
    }
}
