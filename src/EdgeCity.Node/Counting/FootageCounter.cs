using System.Diagnostics;
using EdgeCity.Domain.Counting;
using EdgeCity.Domain.Detection;
using EdgeCity.Domain.Evaluation;
using EdgeCity.Domain.Measurements;
using EdgeCity.Domain.Sites;
using EdgeCity.Vision.Capture;
using EdgeCity.Vision.Inference;
using OpenCvSharp;

namespace EdgeCity.Node.Counting;

/// <summary>
/// Counts the vehicles on footage without ground truth exactly as a node counts its camera: the node's frame source
/// (OpenCV for files, the ffmpeg pipe for network streams), the camera's detector, tracker thresholds and vehicle
/// classes from its manifest, and the camera's lines and zones from the site file through the node's analytics. Frames
/// are timed by the footage's own timestamps (a file's presentation times; a live stream's arrival).
/// </summary>
public sealed class FootageCounter(SiteDefinition site, CameraDefinition camera, Detector detector)
{
    /// <summary>What one run produced.</summary>
    public sealed record Result(IReadOnlyList<CountLogEntry> Counts, DateTimeOffset From, DateTimeOffset To, long Frames, int DroppedFrames, double FramesPerSecond);

    /// <summary>
    /// Reads <paramref name="source"/> to its end (or <paramref name="maxSeconds"/> of footage, or cancellation), passing
    /// each count to <paramref name="counted"/> as it happens and each frame with its analysis and its time (seconds into
    /// the footage) to <paramref name="frame"/>.
    /// </summary>
    public Result Run(
        IFrameSource source,
        DateTimeOffset start,
        double? maxSeconds,
        Action<CountLogEntry> counted,
        Action<Mat, FrameAnalysis?, double>? frame,
        Action<string>? progress,
        CancellationToken cancel)
    {
        var manifest = detector.Model.Manifest;
        var setup = SiteCameraSetup.For(site, camera.Id) with { Tracker = manifest.Tracking.ApplyTo(new Domain.Tracking.TrackerOptions()) };
        if (manifest.VehicleClasses.Count > 0)
        {
            setup = setup with { VehicleClasses = manifest.VehicleClasses.ToHashSet(StringComparer.Ordinal) };
        }

        var lines = camera.CountLines.ToDictionary(l => l.Id, StringComparer.Ordinal);
        var replay = new RecordingReplay(setup, start);
        var counts = new List<CountLogEntry>();
        var found = new List<Detection>();
        using var image = new Mat();
        var wall = Stopwatch.StartNew();
        long index = 0;
        var seconds = 0.0;
        while (!cancel.IsCancellationRequested && source.Read(image) && !image.Empty())
        {
            // The footage's own clock: presentation times for files, arrival for live streams (never backwards).
            var t = source.PositionSeconds ?? (source.IsFile && source.Fps > 0 ? index / source.Fps : wall.Elapsed.TotalSeconds);
            seconds = index == 0 ? t : Math.Max(seconds, t);
            if (maxSeconds is { } max && seconds > max)
            {
                break;
            }

            var at = start.AddSeconds(seconds);
            var letterbox = detector.Prepare(0, image);
            detector.Run(1);
            detector.Decode(0, letterbox, found);
            var analysis = replay.Feed(new FrameDetections(camera.Id, index, at, image.Width, image.Height, found.ToList()));
            foreach (var c in analysis?.Counts ?? [])
            {
                var box = analysis!.Tracks.Matched.FirstOrDefault(m => m.Id == c.TrackId)?.DetectionBox;
                var inward = c.Direction == CrossingDirection.Forward; // the site's "in" (SiteCameraSetup.LineOf)
                var entry = new CountLogEntry(
                    c.At.AddTicks(-(c.At.Ticks % TimeSpan.TicksPerMillisecond)), Math.Round((c.At - start).TotalSeconds, 3), index, c.TrackId, c.ClassName, c.LineId,
                    inward ? "in" : "out", lines.TryGetValue(c.LineId, out var line) ? line.DirectionName(inward) : inward ? "in" : "out",
                    box is { } b ? [Math.Round(b.Left, 1), Math.Round(b.Top, 1), Math.Round(b.Right, 1), Math.Round(b.Bottom, 1)] : []);
                counts.Add(entry);
                counted(entry);
            }

            frame?.Invoke(image, analysis, seconds);
            index++;
            if (index % 500 == 0)
            {
                progress?.Invoke($"{index} frames, {seconds:F0} s of footage, {counts.Count} counted, {index / wall.Elapsed.TotalSeconds:F1} frames/s");
            }
        }

        var rate = index > 1 && seconds > 0 ? (index - 1) / seconds : source.Fps;
        return new Result(counts, start, start.AddSeconds(seconds), index, replay.DroppedFrames, rate);
    }
}
