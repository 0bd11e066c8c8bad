using EdgeCity.Domain.Detection;
using EdgeCity.Domain.Geometry;
using EdgeCity.Domain.Labelling;
using EdgeCity.Domain.Tracking;
using EdgeCity.Vision.Evaluation;
using EdgeCity.Vision.Inference;
using OpenCvSharp;

namespace EdgeCity.Node.Labelling;

/// <summary>
/// Labels a community's own footage for training: a stronger, slower labeller than the node's camera path. Every frame
/// is looked at several ways by every detector given (an ensemble): as it is, mirrored, and, with tiles, as zoomed
/// overlapping tiles in which a far car is big enough to find. The looks are fused (<see cref="ViewFusion"/>: a box is
/// judged by the looks that could have seen it), the fused boxes are tracked through every frame, and a vehicle
/// tracked on both sides of a frame where it was missed is added there (<see cref="TrackGapFill"/>). Every
/// <c>every</c>-th frame is written as a JPEG with a YOLO txt label file in the detector's class order, ready for
/// <c>models train --data</c> once a person has checked the frames listed for review. <see cref="LabellerLooks.Plain"/>
/// labels with the first detector alone (one look, no gap filling): the baseline the stronger labeller is measured against.
/// </summary>
public sealed class FootageLabeller(IReadOnlyList<Detector> detectors, IReadOnlyList<string> trainingClasses, float minScore, LabellerLooks looks)
{
    /// <summary>
    /// The shortest side, in model input pixels, of a vehicle a detector is taken to resolve: its finest stride (8) is
    /// one cell; below that a look is not asked about a box.
    /// </summary>
    public const float ResolvableInputPixels = 8f;

    /// <summary>
    /// Tiles judge boxes up to this many times the shortest side a look at the whole frame resolves; larger ones are
    /// that look's (measured on the hand-boxed overpass frames: zoomed tiles boxed near cars' halves and shadows 160-300 px long).
    /// </summary>
    public const float TileMaxSide = 2f;

    private readonly Mat _tile = new();

    /// <summary>The training recipe's class order (models/train/train.py CLASSES): label files use these indices.</summary>
    public static readonly string[] TrainingClasses = ["car", "bus", "truck", "motorcycle", "bicycle", "person"];

    /// <summary>
    /// Lists the frames a person checks before training in review.txt: every 10th written frame, at least five.
    /// </summary>
    public static IReadOnlyList<string> WriteReview(string folder, IReadOnlyList<string> written)
    {
        var review = written.Where((_, i) => i % 10 == 0).ToList();
        review.AddRange(written.Except(review).Take(Math.Max(0, 5 - review.Count)));
        File.WriteAllLines(Path.Combine(folder, "review.txt"), ["# Check these frames first (images/<name>.jpg against labels/<name>.txt): fix or delete wrong boxes, add missed ones.", .. review]);
        return review;
    }

    /// <summary>What one run wrote.</summary>
    public sealed record Result(int FramesRead, int FramesWritten, int Boxes, int Confirmed, int SingleView, int GapFilled, IReadOnlyList<string> Written);

    public Result Label(string video, string outFolder, int every, Action<string>? progress)
    {
        Directory.CreateDirectory(Path.Combine(outFolder, "images"));
        Directory.CreateDirectory(Path.Combine(outFolder, "labels"));
        var stem = Path.GetFileNameWithoutExtension(video);
        var tracker = new ByteTracker(detectors[0].Model.Manifest.Tracking.ApplyTo(new TrackerOptions()));
        var gaps = new TrackGapFill();
        var kept = new Dictionary<long, List<Detection>>();
        var sampled = new List<long>();
        using var capture = new VideoCapture(video);
        if (!capture.IsOpened())
        {
            throw new IOException($"{video}: OpenCV cannot open the video");
        }

        using var frame = new Mat();
        using var mirror = new Mat();
        var views = new List<LabellerView>();
        int confirmed = 0, single = 0;
        long index = 0;
        var epoch = DateTimeOffset.UnixEpoch;
        var fps = capture.Fps > 0 ? capture.Fps : 25;
        while (capture.Read(frame) && !frame.Empty())
        {
            Look(frame, mirror, views);
            var fused = (looks.Plain ? views[0].Detections.Where(d => d.Score >= minScore).ToList() : ViewFusion.Fuse(views, minScore))
                .Where(d => trainingClasses.Contains(d.ClassName)).ToList();
            var several = fused.Count(f => views.Count(v => v.Detections.Any(d => d.ClassName == f.ClassName && d.Box.IoU(f.Box) > 0.5f)) > 1);
            confirmed += several;
            single += fused.Count - several;
            var update = tracker.Update(fused, epoch.AddSeconds(index / fps));
            foreach (var t in update.Matched.Where(t => t.IsConfirmed))
            {
                gaps.Seen(t.Id, index, t.DetectionBox, t.ClassName);
            }

            if (index % every == 0)
            {
                kept[index] = fused;
                sampled.Add(index);
                Cv2.ImWrite(Path.Combine(outFolder, "images", $"{stem}-f{index:D5}.jpg"), frame, new ImageEncodingParam(ImwriteFlags.JpegQuality, 95));
            }

            index++;
            if (index % 200 == 0)
            {
                progress?.Invoke($"{index} frames read, {sampled.Count} labelled");
            }
        }

        if (index == 0)
        {
            throw new IOException($"{video}: no frame could be decoded");
        }

        int boxes = 0, filled = 0;
        var written = new List<string>();
        var (width, height) = (capture.FrameWidth, capture.FrameHeight);
        foreach (var f in sampled)
        {
            var labels = kept[f].Select(d => (d.Box, d.ClassName)).ToList();
            var added = looks.Plain ? [] : gaps.For(f, labels.Select(l => l.Box).ToList());
            filled += added.Count;
            labels.AddRange(added.Select(a => (a.Box, a.Class)));
            boxes += labels.Count;
            var name = $"{stem}-f{f:D5}";
            File.WriteAllLines(Path.Combine(outFolder, "labels", name + ".txt"), labels.Select(l => YoloLabelLine.Of(trainingClasses.ToList().IndexOf(l.ClassName), l.Box, width, height)));
            written.Add(name);
        }

        return new Result((int)index, sampled.Count, boxes, confirmed, single, filled, written);
    }

    /// <summary>
    /// Every detector's looks at <paramref name="frame"/>, boxes in its pixels, into <paramref name="views"/>. A detector
    /// with a dynamic batch takes its looks (frame, mirror, tiles) in one run where they fit.
    /// </summary>
    private void Look(Mat frame, Mat mirror, List<LabellerView> views)
    {
        views.Clear();
        var whole = new BoxF(0, 0, frame.Width, frame.Height);
        var tiles = looks.TilesAcross > 0 ? LabellerView.Tiles(frame.Width, frame.Height, looks.TilesAcross, looks.TilesDown, looks.TileOverlap) : [];
        if (!looks.Plain)
        {
            Cv2.Flip(frame, mirror, FlipMode.Y);
        }

        foreach (var detector in detectors)
        {
            // The frame, its mirror image (a look at the whole frame), then the tiles.
            List<(BoxF Region, bool Mirrored)> wanted = looks.Plain ? [(whole, false)] : [(whole, false), (whole, true), .. tiles.Select(t => (t, false))];
            for (var start = 0; start < wanted.Count; start += detector.MaxBatch)
            {
                var chunk = wanted.Skip(start).Take(detector.MaxBatch).ToList();
                var letterboxes = new Letterbox[chunk.Count];
                for (var j = 0; j < chunk.Count; j++)
                {
                    var (region, mirrored) = chunk[j];
                    letterboxes[j] = detector.Prepare(j, mirrored ? mirror : region == whole ? frame : Crop(frame, region));
                }

                detector.Run(chunk.Count);
                for (var j = 0; j < chunk.Count; j++)
                {
                    var found = new List<Detection>();
                    detector.Decode(j, letterboxes[j], found);
                    var (r, mirrored) = chunk[j];
                    if (mirrored)
                    {
                        views.Add(new LabellerView(found.Select(d => d with { Box = ViewFusion.Unmirror(d.Box, frame.Width) }).ToList(), whole, MinSide(detector, whole)));
                    }
                    else if (r == whole)
                    {
                        views.Add(new LabellerView(found, whole, MinSide(detector, whole)));
                    }
                    else
                    {
                        var shifted = found.Select(d => d with { Box = new BoxF(d.Box.Left + r.Left, d.Box.Top + r.Top, d.Box.Right + r.Left, d.Box.Bottom + r.Top) });
                        views.Add(LabellerView.Tile(shifted, r, frame.Width, frame.Height, MinSide(detector, r), TileMaxSide * MinSide(detector, whole)));
                    }
                }
            }
        }
    }

    // The tile's pixels in a reused Mat (the detector copies them into its batch at once, so one Mat serves every tile).
    private Mat Crop(Mat frame, BoxF tile)
    {
        using (var roi = new Mat(frame, new Rect((int)tile.Left, (int)tile.Top, (int)tile.Width, (int)tile.Height)))
        {
            roi.CopyTo(_tile);
        }

        return _tile;
    }

    /// <summary>The shortest side, in frame pixels, of a vehicle <paramref name="detector"/> resolves in <paramref name="region"/>.</summary>
    private static float MinSide(Detector detector, BoxF region)
    {
        var input = detector.Model.Manifest.Input;
        return ResolvableInputPixels / Math.Min(input.Width / region.Width, input.Height / region.Height);
    }
}
