using EdgeCity.Domain.Assessment;
using EdgeCity.Domain.Geometry;
using EdgeCity.Vision.Inference;
using EdgeCity.Vision.Privacy;
using OpenCvSharp;
using Det = EdgeCity.Domain.Detection.Detection;

namespace EdgeCity.Vision.Assessment;

/// <summary>
/// Turns one image (a photo, a video frame) into findings: the node's detector runs on the whole image and, for large
/// images, on overlapping tiles (<see cref="ImageTiling"/>); people and vehicles above the confidence threshold become
/// findings (and, with a damage model, damaged buildings with their grade and blocked roads), placed on the ground from the image's pose (<see cref="GroundProjection"/>), each with a thumbnail whose
/// faces are blurred. Not thread-safe: one per worker thread.
/// </summary>
public sealed class ImageAssessor : IDisposable
{
    private readonly Detector _detector;
    private readonly AssessorOptions _options;
    private readonly PrivacyBlur? _blur;
    private readonly List<Det> _decoded = [];
    private readonly DamageClassifier? _damage;
    private readonly DetectionModel? _ownedModel;
    private readonly bool _ownsDamage;

    /// <param name="model">The detector for people and vehicles.</param>
    /// <param name="options">Tiling, threshold, thumbnails.</param>
    /// <param name="damage">A damage model (damaged buildings with grades, blocked roads), or none.</param>
    /// <param name="ownsModels">Dispose the model and the damage model with this assessor.</param>
    public ImageAssessor(DetectionModel model, AssessorOptions? options = null, DamageClassifier? damage = null, bool ownsModels = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        _detector = new Detector(model);
        _damage = damage;
        _ownedModel = ownsModels ? model : null;
        _ownsDamage = ownsModels;
        _options = options ?? new AssessorOptions();
        _blur = _options.BlurFaces ? new PrivacyBlur() : null;
        TileSize = _options.TileSize > 0 ? _options.TileSize : Math.Max(model.Manifest.Input.Width, model.Manifest.Input.Height);
    }

    /// <summary>The tile side in use: the options', or the model's input size.</summary>
    public int TileSize { get; }

    /// <summary>Detector passes run for the last image (1 for the whole image plus one per tile).</summary>
    public int LastPasses { get; private set; }

    /// <summary>
    /// Assesses <paramref name="image"/> (8-bit BGR). <paramref name="digest"/> is the SHA-256 of the image's source
    /// bytes (the file, or the video and frame): finding ids derive from it.
    /// </summary>
    public IReadOnlyList<AssessedFinding> Assess(Mat image, ImagePose pose, string source, string digest, int frame, string node)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Empty() || image.Type() != MatType.CV_8UC3)
        {
            throw new ArgumentException($"{source}: assessment needs an 8-bit BGR image, got {image.Type()} {image.Width}x{image.Height}", nameof(image));
        }

        var boxes = Detect(image);
        var findings = new List<AssessedFinding>();
        foreach (var d in ImageTiling.Merge(boxes))
        {
            if (d.Score < _options.MinConfidence || FindingKinds.Of(d.ClassName) is not { } kind)
            {
                continue;
            }

            var (position, positionSource) = GroundProjection.Locate(pose, image.Width, image.Height, kind == FindingKind.Vehicle ? d.Box.Center : d.Box.BottomCenter);
            var finding = new Finding(FindingId.For(digest, frame, kind, d.ClassName, d.Box), kind, d.ClassName, Math.Round(d.Score, 3), position, positionSource,
                pose.Time, source, frame, d.Box, image.Width, image.Height, node);
            findings.Add(new AssessedFinding(finding, Thumbnail(image, d, boxes)));
        }

        foreach (var (cls, score, box) in _damage?.Classify(image) ?? [])
        {
            var (kind, grade) = DamageModelManifestFile.FindingOf(_damage!.Manifest.Findings[cls])!.Value;
            var (position, positionSource) = GroundProjection.Locate(pose, image.Width, image.Height, box.Center);
            var finding = new Finding(FindingId.For(digest, frame, kind, cls, box), kind, cls, Math.Round(score, 3), position, positionSource,
                pose.Time, source, frame, box, image.Width, image.Height, node) { Grade = grade };
            findings.Add(new AssessedFinding(finding, Thumbnail(image, new Det(box, -1, cls, (float)score), boxes)));
        }

        return findings;
    }

    public void Dispose()
    {
        _detector.Dispose();
        _blur?.Dispose();
        _ownedModel?.Dispose();
        if (_ownsDamage)
        {
            _damage?.Dispose();
        }
    }

    private List<Det> Detect(Mat image)
    {
        var all = new List<Det>();
        Pass(image, 0, 0, all);
        var passes = 1;
        if (Math.Max(image.Width, image.Height) > TileSize)
        {
            foreach (var (x, y, w, h) in ImageTiling.Tiles(image.Width, image.Height, TileSize, Math.Min(_options.TileOverlap, (TileSize / 2) - 1)))
            {
                // A clone: the letterbox reads rows as one block, which an ROI of a larger image is not.
                using var roi = new Mat(image, new Rect(x, y, w, h));
                using var part = roi.Clone();
                Pass(part, x, y, all);
                passes++;
            }
        }

        LastPasses = passes;
        return all;
    }

    private void Pass(Mat image, int x, int y, List<Det> into)
    {
        var lb = _detector.Prepare(0, image);
        _detector.Run(1);
        _detector.Decode(0, lb, _decoded);
        foreach (var d in _decoded)
        {
            into.Add(d with { Box = new BoxF(d.Box.Left + x, d.Box.Top + y, d.Box.Right + x, d.Box.Bottom + y) });
        }
    }

    /// <summary>The finding with half its size of context around it, faces blurred, scaled to the thumbnail size, as JPEG.</summary>
    private byte[] Thumbnail(Mat image, Det finding, List<Det> all)
    {
        var b = finding.Box;
        var margin = Math.Max(16, 0.5 * Math.Max(b.Width, b.Height));
        var left = (int)Math.Clamp(Math.Floor(b.Left - margin), 0, image.Width - 1);
        var top = (int)Math.Clamp(Math.Floor(b.Top - margin), 0, image.Height - 1);
        var right = (int)Math.Clamp(Math.Ceiling(b.Right + margin), left + 1, image.Width);
        var bottom = (int)Math.Clamp(Math.Ceiling(b.Bottom + margin), top + 1, image.Height);
        using var roi = new Mat(image, new Rect(left, top, right - left, bottom - top));
        // Scaled down first, blurred after: a face cascade over a 2000-pixel crop of a near vehicle cost ~100 ms a finding.
        var scale = Math.Min(1.0, (double)_options.ThumbnailSize / Math.Max(roi.Width, roi.Height));
        using var small = new Mat();
        Cv2.Resize(roi, small, new Size(Math.Max(1, (int)(roi.Width * scale)), Math.Max(1, (int)(roi.Height * scale))), 0, 0, InterpolationFlags.Area);
        if (_blur is not null)
        {
            var inCrop = all.Where(d => Overlaps(d.Box, left, top, right, bottom))
                .Select(d => d with { Box = new BoxF((float)((d.Box.Left - left) * scale), (float)((d.Box.Top - top) * scale), (float)((d.Box.Right - left) * scale), (float)((d.Box.Bottom - top) * scale)) })
                .ToList();
            _blur.Apply(small, inCrop);
        }

        Cv2.ImEncode(".jpg", small, out var jpeg, new ImageEncodingParam(ImwriteFlags.JpegQuality, 80));
        return jpeg;
    }

    private static bool Overlaps(BoxF b, int left, int top, int right, int bottom) =>
        b.Right > left && b.Left < right && b.Bottom > top && b.Top < bottom;
}
