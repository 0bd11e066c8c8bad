using EdgeCity.Domain.Detection;
using OpenCvSharp;

namespace EdgeCity.Vision.Privacy;

/// <summary>
/// Blurs every face and licence plate in a frame before it is shown: OpenCV's Haar cascades find faces and plates,
/// and because cascades miss (small, turned or blurred faces, foreign plates) the detector's own boxes add a
/// conservative region each: the upper part of every person box and the plate band of every vehicle box. A region is
/// destroyed, not softened: downscaled 12× then smoothed, so no character or facial feature survives. Not thread-safe
/// (cascade classifiers are not): one instance per worker thread.
/// </summary>
public sealed class PrivacyBlur : IDisposable
{
    private const int Downscale = 12;
    private readonly PrivacyBlurOptions _options;
    private readonly List<CascadeClassifier> _faces = [];
    private readonly List<CascadeClassifier> _plates = [];
    private readonly HashSet<string> _people;
    private readonly HashSet<string> _vehicles;

    public PrivacyBlur(PrivacyBlurOptions? options = null)
    {
        _options = options ?? new PrivacyBlurOptions();
        _people = new HashSet<string>(_options.PersonClasses, StringComparer.OrdinalIgnoreCase);
        _vehicles = new HashSet<string>(_options.VehicleClasses, StringComparer.OrdinalIgnoreCase);
        var missing = new List<string>();
        Load(_options.FaceCascades, _faces, missing);
        Load(_options.PlateCascades, _plates, missing);
        MissingCascades = missing;
    }

    /// <summary>Cascade files that were not found or did not load (full paths); the boxes still blur.</summary>
    public IReadOnlyList<string> MissingCascades { get; }

    /// <summary>True when no cascade loaded: only the detector's boxes are blurred.</summary>
    public bool BoxesOnly => _faces.Count == 0 && _plates.Count == 0;

    /// <summary>
    /// Finds the regions to blur in <paramref name="image"/> (8-bit BGR) and blurs them in place. Returns the regions,
    /// clipped to the frame.
    /// </summary>
    public IReadOnlyList<PrivacyRegion> Apply(Mat image, IReadOnlyList<Detection> detections)
    {
        var regions = Find(image, detections);
        foreach (var r in regions)
        {
            Destroy(image, r.Area);
        }

        return regions;
    }

    /// <summary>The regions <see cref="Apply"/> would blur, without touching the image.</summary>
    public IReadOnlyList<PrivacyRegion> Find(Mat image, IReadOnlyList<Detection> detections)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Empty() || image.Type() != MatType.CV_8UC3)
        {
            throw new ArgumentException($"privacy blur needs an 8-bit BGR frame, got {image.Type()} {image.Width}x{image.Height}", nameof(image));
        }

        var frame = new Rect(0, 0, image.Width, image.Height);
        var regions = new List<PrivacyRegion>();
        if (!BoxesOnly)
        {
            using var gray = new Mat();
            Cv2.CvtColor(image, gray, ColorConversionCodes.BGR2GRAY);
            Cv2.EqualizeHist(gray, gray);
            foreach (var c in _faces)
            {
                Add(regions, c.DetectMultiScale(gray, _options.CascadeScaleFactor, 4, HaarDetectionTypes.ScaleImage, new Size(_options.MinFacePixels, _options.MinFacePixels)), PrivacyRegionSource.FaceCascade, frame);
            }

            foreach (var c in _plates)
            {
                Add(regions, c.DetectMultiScale(gray, _options.CascadeScaleFactor, 3, HaarDetectionTypes.ScaleImage, new Size(_options.MinPlateWidthPixels, _options.MinPlateWidthPixels / 3)), PrivacyRegionSource.PlateCascade, frame);
            }
        }

        foreach (var d in detections)
        {
            var b = d.Box;
            if (_people.Contains(d.ClassName))
            {
                var h = b.Height * _options.PersonHeadShare;
                Add(regions, b.Left, b.Top, b.Width, h, PrivacyRegionSource.PersonBox, frame);
            }
            else if (_vehicles.Contains(d.ClassName))
            {
                var h = b.Height * _options.VehiclePlateShare;
                Add(regions, b.Left, b.Bottom - h, b.Width, h, PrivacyRegionSource.VehicleBox, frame);
            }
        }

        return regions;
    }

    public void Dispose()
    {
        foreach (var c in _faces.Concat(_plates))
        {
            c.Dispose();
        }
    }

    /// <summary>Downscales the region 12× and back, then smooths: what was there cannot be read back.</summary>
    private static void Destroy(Mat image, Rect area)
    {
        using var roi = new Mat(image, area);
        using var small = new Mat();
        Cv2.Resize(roi, small, new Size(Math.Max(1, area.Width / Downscale), Math.Max(1, area.Height / Downscale)), 0, 0, InterpolationFlags.Area);
        Cv2.Resize(small, roi, area.Size, 0, 0, InterpolationFlags.Linear);
        var k = Math.Max(3, (Math.Min(area.Width, area.Height) / 4) | 1);
        Cv2.GaussianBlur(roi, roi, new Size(k, k), 0);
    }

    private void Add(List<PrivacyRegion> regions, Rect[] found, PrivacyRegionSource source, Rect frame)
    {
        foreach (var r in found)
        {
            Add(regions, r.X, r.Y, r.Width, r.Height, source, frame);
        }
    }

    private void Add(List<PrivacyRegion> regions, double x, double y, double w, double h, PrivacyRegionSource source, Rect frame)
    {
        var mx = w * _options.Margin;
        var my = h * _options.Margin;
        var left = (int)Math.Floor(x - mx);
        var top = (int)Math.Floor(y - my);
        var right = (int)Math.Ceiling(x + w + mx);
        var bottom = (int)Math.Ceiling(y + h + my);
        var area = Rect.FromLTRB(left, top, right, bottom) & frame;
        if (area.Width >= 2 && area.Height >= 2)
        {
            regions.Add(new PrivacyRegion(area, source));
        }
    }

    private void Load(IEnumerable<string> files, List<CascadeClassifier> into, List<string> missing)
    {
        foreach (var file in files)
        {
            var path = Path.Combine(_options.CascadeFolder, file);
            if (!File.Exists(path))
            {
                missing.Add(path);
                continue;
            }

            var cascade = new CascadeClassifier(path);
            if (cascade.Empty())
            {
                cascade.Dispose();
                missing.Add(path);
                continue;
            }

            into.Add(cascade);
        }
    }
}
