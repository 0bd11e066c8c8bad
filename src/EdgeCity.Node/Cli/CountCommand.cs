using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using EdgeCity.Domain.Counting;
using EdgeCity.Domain.Detection;
using EdgeCity.Domain.Sites;
using EdgeCity.Node.Counting;
using EdgeCity.Vision.Annotation;
using EdgeCity.Vision.Capture;
using EdgeCity.Vision.Inference;
using OpenCvSharp;

namespace EdgeCity.Node.Cli;

/// <summary>
/// <c>edgecity count</c>: real footage without ground truth into traffic counts, exactly as a node counts its camera.
/// Writes a count log (a JSON line per vehicle), interval counts (15-minute bins, CSV, as counts are reported) and, on
/// request, an annotated video a person can check by eye.
/// </summary>
public static class CountCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The classes interval counts report, in order (anything else is "other").</summary>
    private static readonly string[] Classes = ["car", "bus", "truck", "motorcycle", "bicycle"];

    public static Command Build()
    {
        var siteFile = new Option<FileInfo>("--site") { Description = "Site file with the camera, its count lines (and their direction names) and its time zone.", Required = true };
        var cameraOption = new Option<string?>("--camera") { Description = "The camera in the site (default: its only camera)." };
        var video = new Option<string?>("--video") { Description = "A video file or stream URL (default: the camera's source; a relative file is read beside the site file)." };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Folder for CAMERA.counts.jsonl, CAMERA.intervals.csv and CAMERA.annotated.avi (default: counts/ in the working folder)." };
        var binMinutes = new Option<int>("--bin-minutes") { Description = "Interval length for the interval counts (it must divide a day).", DefaultValueFactory = _ => 15 };
        var annotate = new Option<bool>("--annotate") { Description = "Also write an annotated video (MJPEG AVI): boxes, track ids, lines with their direction names, running counts." };
        var startOption = new Option<string?>("--start") { Description = "When the footage's first frame was taken (ISO 8601 with offset). Default: for a file, its modification time less its length; for a stream, now." };
        var seconds = new Option<double?>("--seconds") { Description = "Stop after this many seconds of footage (a stream runs until stopped otherwise)." };
        var model = new Option<string?>("--model") { Description = "Detector manifest (default: the camera's model, else the site's default)." };
        var models = new Option<string>("--models") { Description = "Folder with the model manifests.", DefaultValueFactory = _ => "models" };
        var providers = new Option<string>("--providers") { Description = "Execution providers to try, in order (tensorrt,cuda,cpu).", DefaultValueFactory = _ => "tensorrt,cuda,cpu" };
        var threads = new Option<int>("--threads") { Description = "ONNX Runtime intra-op threads.", DefaultValueFactory = _ => 2 };
        var command = new Command("count", "Count the vehicles on footage with no ground truth (a file or a stream), as the node counts its camera: a count log, interval counts and an annotated video to check by eye.")
        {
            siteFile, cameraOption, video, output, binMinutes, annotate, startOption, seconds, model, models, providers, threads,
        };
        command.SetAction((parse, ct) =>
        {
            try
            {
                return Task.FromResult(Run(parse.GetValue(siteFile)!, parse.GetValue(cameraOption), parse.GetValue(video), parse.GetValue(output),
                    parse.GetValue(binMinutes), parse.GetValue(annotate), parse.GetValue(startOption), parse.GetValue(seconds),
                    parse.GetValue(model), parse.GetValue(models)!, parse.GetValue(providers)!, parse.GetValue(threads), ct));
            }
            catch (Exception e) when (e is ArgumentException or FormatException or IOException or FrameSourceException or ModelLoadException or ModelManifestException)
            {
                Console.Error.WriteLine($"count: {e.Message}");
                return Task.FromResult(2);
            }
        });
        return command;
    }

    private static int Run(FileInfo siteFile, string? cameraId, string? video, DirectoryInfo? output, int binMinutes, bool annotate, string? startText,
        double? maxSeconds, string? modelName, string models, string providers, int threads, CancellationToken cancel)
    {
        var loaded = SiteFile.Load(siteFile.FullName);
        if (!loaded.IsValid)
        {
            Console.Error.WriteLine(loaded.Describe());
            return 2;
        }

        var site = loaded.Site!;
        var camera = cameraId is not null
            ? site.Cameras.FirstOrDefault(c => c.Id == cameraId) ?? throw new ArgumentException($"--camera: site '{site.Name}' has no camera '{cameraId}' (has: {string.Join(", ", site.Cameras.Select(c => c.Id))})")
            : site.Cameras.Count == 1 ? site.Cameras[0] : throw new ArgumentException($"--camera: site '{site.Name}' has {site.Cameras.Count} cameras ({string.Join(", ", site.Cameras.Select(c => c.Id))}); name one");
        if (camera.CountLines.Count == 0)
        {
            throw new ArgumentException($"camera '{camera.Id}' has no count lines in {siteFile.FullName}: nothing to count");
        }

        var interval = TimeSpan.FromMinutes(binMinutes);
        if (binMinutes <= 0 || TimeSpan.FromDays(1).Ticks % interval.Ticks != 0)
        {
            throw new ArgumentException($"--bin-minutes: {binMinutes} does not divide a day (15, 5, 60 do)");
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(site.TimeZone ?? "UTC");
        var source = video ?? camera.Source;
        var isFile = !source.Contains("://", StringComparison.Ordinal) && !source.StartsWith("/dev/", StringComparison.Ordinal);
        if (isFile && !Path.IsPathRooted(source) && video is null)
        {
            source = Path.Combine(siteFile.DirectoryName ?? ".", source);
        }

        var start = Start(startText, isFile ? source : null);
        var folder = output?.FullName ?? Path.GetFullPath("counts");
        Directory.CreateDirectory(folder);
        var logPath = Path.Combine(folder, $"{camera.Id}.counts.jsonl");
        var binsPath = Path.Combine(folder, $"{camera.Id}.intervals.csv");
        var annotatedPath = Path.Combine(folder, $"{camera.Id}.annotated.avi");

        var options = new DetectorOptions { IntraOpThreads = threads, MaxBatch = 1, Providers = AssessCommand.Providers(providers) };
        var name = modelName ?? camera.Model ?? DefaultDetectors.For(site);
        using var loadedModel = DetectionModel.Load(models, name, options);
        using var detector = new Detector(loadedModel);
        using var frames = VideoFrameSource.OpenAny(new FrameSourceOptions { Source = source, LoopFile = false, PaceFile = false });
        Console.WriteLine($"count: camera {camera.Id} on {frames.Source} ({frames.Width}x{frames.Height}, {frames.Fps:0.##} frames/s), model {loadedModel.Name} on {loadedModel.ProviderLabel}");
        Console.WriteLine($"count: footage starts {Local(start.Value, zone)} ({start.Why}); times in {zone.Id}");

        using var log = new StreamWriter(logPath) { AutoFlush = true }; // each count on disk as it happens: a cut run keeps its counts
        using var annotated = annotate ? new AnnotatedVideo(annotatedPath, frames.IsFile && frames.Fps > 0 ? frames.Fps : null) : null;
        var annotator = annotate ? new CountAnnotator(camera.CountLines) : null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; stop.Cancel(); }; // Ctrl-C ends the footage: the bins are still written
        Console.CancelKeyPress += onCancel;
        try
        {
            var counter = new FootageCounter(site, camera, detector);
            var result = counter.Run(frames, start.Value, maxSeconds,
                entry => log.WriteLine(JsonSerializer.Serialize(entry with { Time = TimeZoneInfo.ConvertTime(entry.Time, zone) }, Json)),
                annotator is null ? null : (image, analysis, seconds) =>
                {
                    annotator.Draw(image, analysis);
                    annotated!.Write(image, seconds);
                },
                line => Console.Error.WriteLine($"count: {line}"),
                stop.Token);
            if (result.Frames == 0)
            {
                throw new IOException($"{frames.Source}: no frame could be decoded");
            }

            var lines = camera.CountLines.Select(l => (l.Id, l.DirectionName(true), l.DirectionName(false))).ToList();
            var rows = IntervalCounts.Bin(result.Counts.Select(c => new IntervalCounts.Crossing(c.Time, c.Line, c.Towards, c.Class)), lines, result.From, result.To, interval, zone, Classes);
            File.WriteAllText(binsPath, IntervalCounts.Csv(rows, zone));
            Console.Write(Summary(camera, result));
            var decoder = detector.Decoder;
            if (ViewCheck.NonTrafficWarning(detector.Model.Name, decoder.TrafficCandidates, decoder.NonTrafficSkips, decoder.NonTrafficSkipsByClass()) is { } warning)
            {
                Console.WriteLine($"count: warning: {warning}");
            }

            Console.WriteLine($"count log: {logPath} ({result.Counts.Count} vehicles)");
            Console.WriteLine($"interval counts: {binsPath} ({binMinutes}-minute intervals)");
            if (annotated is not null)
            {
                annotated.Dispose(); // writes what it still holds
                Console.WriteLine($"annotated video: {annotatedPath} ({annotated.Written} frames at {annotated.FramesPerSecond:0.##} frames/s)");
            }

            return 0;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>When the first frame was taken, and why that time.</summary>
    private static (DateTimeOffset Value, string Why) Start(string? given, string? file)
    {
        if (given is not null)
        {
            return DateTimeOffset.TryParse(given, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) && given.Length > 10
                ? (at, "--start")
                : throw new FormatException($"--start: '{given}' is not an ISO 8601 time with its offset (2026-12-05T08:00:00+01:00)");
        }

        if (file is null)
        {
            return (DateTimeOffset.UtcNow, "a live stream: now");
        }

        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"video file not found: {Path.GetFullPath(file)}");
        }

        // A recorder finishes writing a file when the footage ends: its modification time less its length.
        using var probe = new VideoCapture(file);
        var length = probe.Fps > 0 ? probe.FrameCount / probe.Fps : 0;
        var modified = new DateTimeOffset(File.GetLastWriteTimeUtc(file), TimeSpan.Zero);
        return (modified.AddSeconds(-length), $"the file's modification time less its {length:0.#} s; set it with --start");
    }

    private static string Summary(CameraDefinition camera, FootageCounter.Result result)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{result.Frames} frames, {(result.To - result.From).TotalSeconds:0.#} s of footage{(result.DroppedFrames > 0 ? $", {result.DroppedFrames} frames out of order dropped" : string.Empty)}");
        text.AppendLine("line          direction                        vehicles  by class");
        foreach (var line in camera.CountLines)
        {
            foreach (var inward in new[] { true, false })
            {
                var towards = line.DirectionName(inward);
                var mine = result.Counts.Where(c => c.Line == line.Id && c.Direction == (inward ? "in" : "out")).ToList();
                var byClass = string.Join(", ", mine.GroupBy(c => c.Class).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}"));
                text.AppendLine(CultureInfo.InvariantCulture, $"{line.Id,-13} {towards + (towards == (inward ? "in" : "out") ? string.Empty : $" ({(inward ? "in" : "out")})"),-32} {mine.Count,8}  {byClass}");
            }
        }

        return text.ToString();
    }

    private static string Local(DateTimeOffset at, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);
}
